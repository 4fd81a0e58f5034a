import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import {
  BroadcastService,
  CoreEvent,
  isRedisOutage,
  JobqConfig,
  LOGGER,
  QueueRegistry,
} from '@jobq/queue-core';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { PATHS } from '../routes';
import { boardGuard } from './board-guard';

/**
 * Mounts bull-board at `/board`, read-only (every action goes through jobq's own pages, so it is
 * checked against the user's role and audited), behind the dashboard's login (the gate is a hook
 * on the whole Fastify instance), with nothing loaded from outside the machine. Keeps its queue
 * list in step with the registry: a queue registered by any process appears at once (broadcast);
 * queues made by plain BullMQ code are found by a periodic discovery scan (`DISCOVERY_INTERVAL_MS`).
 */
@Injectable()
export class BoardService implements OnModuleInit, OnApplicationShutdown {
  private board?: ReturnType<typeof createBullBoard>;
  private readonly shown = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly registry: QueueRegistry,
    private readonly broadcast: BroadcastService,
    private readonly config: JobqConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onModuleInit(): Promise<void> {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(PATHS.board);
    this.board = createBullBoard({
      queues: [],
      serverAdapter,
      options: { uiConfig: { boardTitle: 'jobq' } },
    });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(
      async (scope) => {
        boardGuard(scope);
        await scope.register(serverAdapter.registerPlugin());
      },
      { prefix: PATHS.board },
    );

    this.broadcast.on(CoreEvent.QueueAdded, (name) => this.show(name));
    this.broadcast.on(CoreEvent.QueueRemoved, (name) => this.hide(name));
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.config.DISCOVERY_INTERVAL_MS);
    this.timer.unref();
  }

  private async refresh(): Promise<void> {
    try {
      for (const name of await this.registry.discover()) this.show(name);
    } catch (err) {
      if (!isRedisOutage(err))
        this.logger.warn({ err: (err as Error).message }, 'queue discovery failed');
    }
  }

  private show(name: string): void {
    if (this.shown.has(name)) return;
    this.shown.add(name);
    this.board?.addQueue(new BullMQAdapter(this.registry.queue(name), { readOnlyMode: true }));
  }

  private hide(name: string): void {
    if (!this.shown.delete(name)) return;
    this.board?.removeQueue(name);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
