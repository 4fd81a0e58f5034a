import type { FleetStore, WorkerRecord } from '@jobq/queue-core';

/** The fleet as the workers page shows it, read once per page view or live tick. */
export interface WorkersSnapshot {
  workers: WorkerRecord[];
  totals: Awaited<ReturnType<FleetStore['totals']>>;
  /** Epoch ms it was read. */
  at: number;
}
