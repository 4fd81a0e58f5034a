import type { QueuePolicy, QueueStatus } from '@jobq/queue-core';

/** What the queue page shows above its job list, read once per live tick. */
export interface QueueSnapshot {
  status: QueueStatus;
  policy: QueuePolicy;
  /** `[upper bound ms, count]` pairs of the wait and run histograms. */
  timings: { wait: [number, number][]; run: [number, number][] };
  /** Epoch ms it was read. */
  at: number;
}
