import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { LOGGER } from '@jobq/queue-core';
import type { Logger } from 'pino';
import { DuplicateHandlerError } from './duplicate-handler.error';
import type { Handler } from './handler';
import { JOB_HANDLER, type DeclaredSchedule } from './job-handler.decorator';
import { NoHandlerError } from './no-handler.error';

/** A handler as registered: the instance and its class name (for messages). */
export interface RegisteredHandler {
  readonly handler: Handler;
  readonly className: string;
  readonly schedule?: DeclaredSchedule;
}

/**
 * The job → handler map of this worker process, filled at boot from every provider marked with
 * `@JobHandler` (Nest discovery). Exactly one handler per (queue, job name): a second one stops
 * the boot with a {@link DuplicateHandlerError} naming both classes.
 */
@Injectable()
export class HandlerRegistry implements OnModuleInit {
  private readonly byQueue = new Map<string, Map<string, RegisteredHandler>>();

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: JOB_HANDLER.KEY })) {
      const target = this.discovery.getMetadataByDecorator(JOB_HANDLER, wrapper);
      if (!target) continue;
      const className = wrapper.metatype?.name ?? String(wrapper.token);
      if (!wrapper.isDependencyTreeStatic()) {
        throw new Error(`handler ${className} must not be request-scoped`);
      }
      const handler = wrapper.instance as Handler | undefined;
      if (typeof handler?.handle !== 'function') {
        throw new Error(`handler ${className} has no handle(job, ctx) method`);
      }
      this.add(target.queue, target.name, handler, className, target.schedule);
    }
    for (const [queue, handlers] of this.byQueue) {
      this.logger.debug({ queue, jobs: [...handlers.keys()] }, 'handlers found');
    }
  }

  /**
   * Registers `handler` for jobs `name` on `queue`.
   * @throws DuplicateHandlerError when that queue and name already have a handler.
   */
  add(
    queue: string,
    name: string,
    handler: Handler,
    className: string,
    schedule?: DeclaredSchedule,
  ): void {
    let handlers = this.byQueue.get(queue);
    if (!handlers) this.byQueue.set(queue, (handlers = new Map()));
    const existing = handlers.get(name);
    if (existing) throw new DuplicateHandlerError(queue, name, existing.className, className);
    handlers.set(name, { handler, className, schedule });
  }

  /**
   * The handler of jobs `name` on `queue`.
   * @throws NoHandlerError (unrecoverable: the job fails without retry) when there is none.
   */
  resolve(queue: string, name: string): Handler {
    const found = this.byQueue.get(queue)?.get(name);
    if (!found) throw new NoHandlerError(queue, name, this.jobs(queue));
    return found.handler;
  }

  /** The schedules declared with the handlers of `queue` (`@JobHandler({ schedule })`), with their job names. */
  schedules(queue: string): { name: string; schedule: DeclaredSchedule }[] {
    return [...(this.byQueue.get(queue) ?? [])].flatMap(([name, { schedule }]) =>
      schedule ? [{ name, schedule }] : [],
    );
  }

  /** Queues that have at least one handler, sorted. */
  queues(): string[] {
    return [...this.byQueue.keys()].sort();
  }

  /** Job names with a handler on `queue`, sorted. */
  jobs(queue: string): string[] {
    return [...(this.byQueue.get(queue)?.keys() ?? [])].sort();
  }
}
