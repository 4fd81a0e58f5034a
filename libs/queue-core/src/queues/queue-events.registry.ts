import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import type { Logger } from 'pino';
import { JobqConfig } from '../config/jobq.config';
import { RedisConnections } from '../redis/redis-connections';
import { LOGGER } from '../names/tokens';
import { assertValidName } from '../names/queue-name';
import { QueueRegistry } from './queue.registry';
import { isRedisOutage } from '../errors/redis-failure';

/**
 * At most one BullMQ `QueueEvents` per queue per process, created on first use and shared by every
 * waiter (RPC calls, `?wait=` lookups): replies are correlated by job id, never by connection.
 */
@Injectable()
export class QueueEventsRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly events = new Map<string, Promise<QueueEvents>>();

  constructor(
    private readonly config: JobqConfig,
    private readonly connections: RedisConnections,
    private readonly registry: QueueRegistry,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.registry.onRelease((queue) => this.forget(queue));
  }

  /** The running `QueueEvents` of `queue`, subscribed before it resolves. */
  get(queue: string): Promise<QueueEvents> {
    let events = this.events.get(queue);
    if (!events) {
      assertValidName(queue);
      const created = new QueueEvents(queue, {
        connection: this.connections.create(`events:${queue}`, true),
        prefix: this.config.QUEUE_PREFIX,
      });
      created.on('error', (err) => {
        if (!isRedisOutage(err))
          this.logger.warn({ err: err.message, queue }, 'queue events error');
      });
      created.setMaxListeners(0);
      events = created.waitUntilReady().then(() => created);
      this.events.set(queue, events);
    }
    return events;
  }

  /** Stops listening to `queue` (after it is deleted). */
  async forget(queue: string): Promise<void> {
    const events = this.events.get(queue);
    this.events.delete(queue);
    await events?.then((e) => e.close()).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.events.keys()].map((q) => this.forget(q)));
  }
}
