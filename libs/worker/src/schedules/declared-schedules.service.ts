import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, ScheduleService } from '@jobq/queue-core';
import type { Logger } from 'pino';
import { HandlerRegistry } from '../handlers/handler.registry';
import { WORKER_APP } from '../worker-app.token';

/**
 * At boot (called by `QueueWorkers` once its Workers run), upserts the schedules declared with this app's handlers (`@JobHandler({ schedule })`)
 * on the queues it serves — the same spec from twenty workers is one schedule, one job per tick —
 * and reports (log line, and a flag the API and dashboard show) the schedules this app declared
 * before but no longer does. Those are not deleted: they keep producing until someone deletes them.
 */
@Injectable()
export class DeclaredSchedules {
  constructor(
    private readonly handlers: HandlerRegistry,
    private readonly schedules: ScheduleService,
    @Inject(WORKER_APP) private readonly app: string,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Upserts the declared schedules of the `served` queues and reports the ones no longer declared. */
  async apply(served: string[]): Promise<void> {
    const declared = new Map<string, Set<string>>();
    for (const queue of served) {
      const ids = new Set<string>();
      for (const { name, schedule } of this.handlers.schedules(queue)) {
        const { id = name, ...spec } = schedule;
        const { changed } = await this.schedules.upsert(queue, id, { ...spec, name }, this.app);
        ids.add(id);
        if (changed) this.logger.info({ queue, schedule: id }, 'schedule declared in code saved');
      }
      declared.set(queue, ids);
    }
    const gone = await this.schedules.markUndeclared(this.app, served, declared);
    for (const schedule of gone) {
      this.logger.warn(
        { queue: schedule.queue, schedule: schedule.id },
        'schedule declared in code is no longer declared: it keeps producing jobs; delete it with DELETE /schedules/:queue/:id if it should stop',
      );
    }
  }
}
