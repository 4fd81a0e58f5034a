import { Injectable } from '@nestjs/common';
import { FleetStore } from '../fleet/fleet.store';
import { PolicyStore } from './policy.store';
import { assertValidName } from '../names/queue-name';
import { QueueTotalsService } from './queue-totals.service';
import { QueueRegistry } from './queue.registry';
import { RedisConnections } from '../redis/redis-connections';
import {
  OVERVIEW_MINUTES,
  QueueCounts,
  QueueInfo,
  QueueOverview,
  QueueStatus,
  WaitingJob,
  JOB_STATES,
} from './queue-stats';

/** How many waiting jobs `with_desc` lists. */
const DESC_LIMIT = 100;

/** Minutes of per-minute throughput `/status` shows. */
const SERIES_MINUTES = 60;

interface Snapshot {
  counts: QueueCounts;
  size: number;
  processed: number;
  failed: number;
  per_minute: QueueStatus['per_minute'];
}

const EMPTY: Snapshot = {
  counts: Object.fromEntries(JOB_STATES.map((s) => [s, 0])) as QueueCounts,
  size: 0,
  processed: 0,
  failed: 0,
  per_minute: { completed: [], failed: [] },
};

/**
 * Read-only views of queues (presque `/j` and `/status`). A queue that does not exist answers
 * as an empty one, as in presque. Processed/failed totals are {@link QueueTotalsService}'s.
 */
@Injectable()
export class QueueStatsService {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly policies: PolicyStore,
    private readonly totals: QueueTotalsService,
    private readonly fleet: FleetStore,
    private readonly connections: RedisConnections,
  ) {}

  /** Every known queue, sorted. */
  list(): Promise<string[]> {
    return this.registry.list();
  }

  /** presque `GET /j/:queue`. */
  async info(queue: string): Promise<QueueInfo> {
    const [snapshot, policy] = await Promise.all([this.snapshot(queue), this.policies.get(queue)]);
    return {
      queue_name: queue,
      job_count: snapshot.size,
      job_processed: snapshot.processed,
      job_failed: snapshot.failed,
      counts: snapshot.counts,
      policy,
    };
  }

  /** `GET /status/:queue`; with `withJobs`, the first waiting jobs too. */
  async status(queue: string, withJobs = false): Promise<QueueStatus> {
    const [snapshot, policy, fleet, enqueued] = await Promise.all([
      this.snapshot(queue, SERIES_MINUTES),
      this.policies.get(queue),
      this.fleet.queueStats(queue),
      this.enqueued(queue),
    ]);
    const status: QueueStatus = {
      queue,
      size: snapshot.size,
      state: policy.state,
      enqueued,
      processed: snapshot.processed,
      failed: snapshot.failed,
      counts: snapshot.counts,
      per_minute: snapshot.per_minute,
      ...fleet,
    };
    if (withJobs) status.jobs = snapshot.size > 0 ? await this.waitingJobs(queue) : [];
    return status;
  }

  /**
   * Every known queue with its state, counts, totals, recent throughput, live workers and
   * policy. One read per queue and series, all sent together, so 500 queues cost a few round trips.
   */
  async overview(): Promise<QueueOverview> {
    const [names, workers] = await Promise.all([this.registry.list(), this.fleet.list()]);
    const live = workers.filter((w) => w.status !== 'lost');
    const queues = await Promise.all(
      names.map(async (queue) => {
        const [snapshot, policy] = await Promise.all([
          this.snapshot(queue, OVERVIEW_MINUTES),
          this.policies.get(queue),
        ]);
        return {
          queue,
          state: policy.state,
          size: snapshot.size,
          counts: snapshot.counts,
          processed: snapshot.processed,
          failed: snapshot.failed,
          completed_per_minute: snapshot.per_minute.completed,
          workers: live.filter((w) => w.queues.includes(queue)).length,
          policy,
        };
      }),
    );
    return { queues, workers: live.length, generated_at: new Date().toISOString() };
  }

  private async snapshot(queue: string, minutes = 1): Promise<Snapshot> {
    assertValidName(queue);
    if (!(await this.registry.has(queue))) return EMPTY;
    const bull = this.registry.queue(queue);
    const [raw, totals] = await Promise.all([
      bull.getJobCounts(...JOB_STATES),
      this.totals.of(queue, minutes),
    ]);
    const counts = Object.fromEntries(JOB_STATES.map((s) => [s, raw[s] ?? 0])) as QueueCounts;
    return {
      counts,
      size: counts.waiting + counts.prioritized + counts.delayed,
      processed: totals.processed,
      failed: totals.failed,
      per_minute: totals.per_minute,
    };
  }

  /** Jobs ever enqueued with a generated id: BullMQ's id counter. */
  private async enqueued(queue: string): Promise<number> {
    if (!(await this.registry.has(queue))) return 0;
    return Number((await this.connections.client.get(this.registry.queue(queue).toKey('id'))) ?? 0);
  }

  private async waitingJobs(queue: string): Promise<WaitingJob[]> {
    const jobs = await this.registry
      .queue(queue)
      .getJobs(['prioritized', 'waiting'], 0, DESC_LIMIT - 1, true);
    return jobs.slice(0, DESC_LIMIT).map((job) => ({
      id: String(job.id),
      name: job.name,
      data: job.data,
      created_at: new Date(job.timestamp).toISOString(),
    }));
  }
}
