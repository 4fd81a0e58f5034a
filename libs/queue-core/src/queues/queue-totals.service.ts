import { Injectable } from '@nestjs/common';
import { perMinute } from './per-minute';
import { QueueCountersStore } from './queue-counters.store';
import { QueueRegistry } from './queue.registry';

/** Jobs a queue has completed and failed: ever, and per wall-clock minute (newest first). */
export interface QueueTotals {
  processed: number;
  /** Failed for good (BullMQ metrics) plus failures reported by re-inserting a payload (presque `PUT`). */
  failed: number;
  per_minute: { completed: number[]; failed: number[] };
}

/**
 * The one definition of a queue's processed and failed totals, used by `/j`, `/w`, `/status`,
 * `/metrics` and the dashboard so they never disagree: BullMQ's metrics (every jobq worker, the
 * HTTP pull path included, runs with metrics on) and jobq's re-insert counter, one read each.
 */
@Injectable()
export class QueueTotalsService {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly counters: QueueCountersStore,
  ) {}

  /** `queue`'s totals and its last `minutes` minutes, the one in progress first. */
  async of(queue: string, minutes = 1): Promise<QueueTotals> {
    const bull = this.registry.queue(queue);
    const [completed, failed, reinserted] = await Promise.all([
      bull.getMetrics('completed', 0, minutes - 1),
      bull.getMetrics('failed', 0, minutes - 1),
      this.counters.reinserted(queue),
    ]);
    const now = Date.now();
    return {
      processed: completed.meta.count,
      failed: failed.meta.count + reinserted,
      per_minute: {
        completed: perMinute(completed, minutes, now),
        failed: perMinute(failed, minutes, now),
      },
    };
  }
}
