import { randomUUID } from 'node:crypto';
import type { Job, Worker, WorkerOptions } from 'bullmq';
import type { Logger } from 'pino';
import { toRetention } from '../policy/job-options';
import type { QueuePolicy } from '../policy/queue-policy';
import { isRedisOutage } from '../errors/redis-failure';

interface Waiter {
  count: number;
  timer: NodeJS.Timeout;
  resolve(jobs: Job[]): void;
}

/** Non-blocking fetches issued at once when a pull asks for several jobs. */
const FETCH_CHUNK = 25;

/** A blocking fetch that returns sooner than this found the queue rate limited: back off. */
const SPIN_GUARD_MS = 50;
const SPIN_BACKOFF_MS = 100;

/**
 * The HTTP-pull side of one queue in this process: a BullMQ `Worker` without a processor
 * ("manually fetching jobs"). A fetch moves a job to active with a lock of the policy's
 * `lease_ms` under a fresh token — that lock is the lease; the worker's stalled checker hands a
 * job whose lease ran out back to the queue.
 *
 * Long polls share one loop per queue: while anyone waits, it blocks on the worker's own
 * blocking connection (BullMQ's marker wait, ≤ `drainDelay` s a round) and hands each job to
 * the oldest waiter, so waiting requests cost no extra Redis connections or polling.
 */
export class PullWorker {
  private readonly waiters: Waiter[] = [];
  private pumping = false;
  private closed = false;

  constructor(
    readonly worker: Worker,
    private readonly logger: Logger,
  ) {}

  /** BullMQ worker options that follow the queue policy. */
  static options(
    policy: QueuePolicy,
  ): Pick<
    WorkerOptions,
    'lockDuration' | 'stalledInterval' | 'maxStalledCount' | 'removeOnComplete' | 'removeOnFail'
  > {
    return {
      ...toRetention(policy),
      lockDuration: policy.lease_ms,
      // A lease is noticed as expired between one and two intervals after it ran out.
      stalledInterval: Math.min(Math.max(Math.floor(policy.lease_ms / 2), 250), 15_000),
      // An expired lease hands the job out again, up to `attempts` times; then it fails.
      maxStalledCount: policy.attempts,
    };
  }

  /** Applies a changed policy to the next leases. */
  configure(policy: QueuePolicy): void {
    Object.assign(this.worker.opts, PullWorker.options(policy));
  }

  /**
   * Leases up to `count` jobs; when none is there, waits up to `waitMs` for one. Each job
   * carries its lease token in `job.token`.
   */
  async lease(count: number, waitMs: number): Promise<Job[]> {
    const jobs = await this.take(count);
    if (jobs.length > 0 || waitMs <= 0 || this.closed) return jobs;
    return new Promise<Job[]>((resolve) => {
      const waiter: Waiter = {
        count,
        resolve,
        timer: setTimeout(() => this.settle(waiter, []), waitMs),
      };
      this.waiters.push(waiter);
      void this.pump();
    });
  }

  /** Ends every wait (empty-handed) and closes the BullMQ worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of [...this.waiters]) this.settle(waiter, []);
    await this.worker.close(true);
  }

  private async take(count: number): Promise<Job[]> {
    const jobs: Job[] = [];
    while (jobs.length < count && !this.closed) {
      const size = Math.min(FETCH_CHUNK, count - jobs.length);
      const fetched = await Promise.all(
        Array.from({ length: size }, () => this.worker.getNextJob(randomUUID(), { block: false })),
      );
      const got = fetched.filter((job): job is Job => job !== undefined);
      jobs.push(...got);
      if (got.length < size) break;
    }
    return jobs;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.length > 0 && !this.closed) {
        const started = Date.now();
        const job = await this.worker
          .getNextJob(randomUUID(), { block: true })
          .catch((err: Error) => {
            if (!isRedisOutage(err))
              this.logger.warn({ err: err.message, queue: this.worker.name }, 'pull wait failed');
            return undefined;
          });
        if (job) await this.deliver(job);
        else if (Date.now() - started < SPIN_GUARD_MS) await sleep(SPIN_BACKOFF_MS);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async deliver(job: Job): Promise<void> {
    const waiter = this.waiters.shift();
    if (!waiter) {
      await job.moveToWait(job.token).catch(() => undefined);
      return;
    }
    clearTimeout(waiter.timer);
    const more = waiter.count > 1 ? await this.take(waiter.count - 1) : [];
    waiter.resolve([job, ...more]);
  }

  private settle(waiter: Waiter, jobs: Job[]): void {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
    clearTimeout(waiter.timer);
    waiter.resolve(jobs);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
