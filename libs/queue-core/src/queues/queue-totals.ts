import type { Queue } from 'bullmq';

/** Jobs a queue has completed and failed for good, ever. */
export interface QueueTotals {
  processed: number;
  failed: number;
}

/**
 * A queue's all-time processed and failed totals, from BullMQ's metrics (every jobq worker, the
 * HTTP pull path included, runs with metrics on). One place, so `/j`, `/status`, `/w` and
 * `/metrics` never disagree.
 */
export async function queueTotals(queue: Queue): Promise<QueueTotals> {
  const [completed, failed] = await Promise.all([
    queue.getMetrics('completed', 0, 0),
    queue.getMetrics('failed', 0, 0),
  ]);
  return { processed: completed.meta.count, failed: failed.meta.count };
}
