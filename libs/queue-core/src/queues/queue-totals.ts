import type { Queue } from 'bullmq';

/** Jobs a queue has completed and failed for good: ever, and per minute (newest first). */
export interface QueueTotals {
  processed: number;
  failed: number;
  per_minute: { completed: number[]; failed: number[] };
}

/**
 * A queue's all-time processed and failed totals and its last `minutes` per-minute counts, from
 * BullMQ's metrics (every jobq worker, the HTTP pull path included, runs with metrics on) in one
 * read of each series. One place, so `/j`, `/status`, `/w` and `/metrics` never disagree.
 */
export async function queueTotals(queue: Queue, minutes = 1): Promise<QueueTotals> {
  const [completed, failed] = await Promise.all([
    queue.getMetrics('completed', 0, minutes - 1),
    queue.getMetrics('failed', 0, minutes - 1),
  ]);
  return {
    processed: completed.meta.count,
    failed: failed.meta.count,
    per_minute: { completed: completed.data, failed: failed.data },
  };
}
