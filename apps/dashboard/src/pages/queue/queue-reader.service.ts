import { Injectable } from '@nestjs/common';
import { FleetStore, PolicyStore, QueueStatsService } from '@jobq/queue-core';
import type { QueueSnapshot } from './queue-snapshot';

/** Reads what a queue page shows above its job list: one snapshot per page view or live tick. */
@Injectable()
export class QueueReader {
  constructor(
    private readonly stats: QueueStatsService,
    private readonly policies: PolicyStore,
    private readonly fleet: FleetStore,
  ) {}

  /** `queue`'s status (counts from BullMQ's O(1) counts), policy and timing histograms. */
  async snapshot(queue: string): Promise<QueueSnapshot> {
    const [status, policy, timings] = await Promise.all([
      this.stats.status(queue),
      this.policies.get(queue),
      this.fleet.timings(queue),
    ]);
    return { status, policy, timings, at: Date.now() };
  }
}
