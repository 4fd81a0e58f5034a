import { FleetStore } from '../fleet/fleet.store';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Job, MetricsTime, Worker } from 'bullmq';
import type { RedisClient } from '../redis/redis-connections';
import type { Logger } from 'pino';
import { JobqConfig } from '../config/jobq.config';
import { JobNotFoundError } from '../errors/job-not-found.error';
import { LeaseGoneError } from '../errors/lease-gone.error';
import { QueueClosedError } from '../errors/queue-closed.error';
import { BroadcastService } from '../redis/broadcast.service';
import { CoreEvent } from '../names/event-names';
import { PolicyStore } from '../queues/policy.store';
import type { QueuePolicy } from '../policy/queue-policy';
import { assertValidName } from '../names/queue-name';
import { QueueRegistry } from '../queues/queue.registry';
import { RedisConnections } from '../redis/redis-connections';
import { LOGGER } from '../names/tokens';
import type { LeasedJob, LeaseFailure } from './leased-job';
import { PullWorker } from './pull-worker';
import { isRedisOutage } from '../errors/redis-failure';

/** BullMQ's codes for "this token does not hold this active job" (missing lock, not active, lock mismatch). */
const LEASE_GONE_CODES = new Set([-2, -3, -6]);
const JOB_MISSING_CODE = -1;

/** How long the first pull waits for the pull connection to connect (during an outage: not at all). */
const FIRST_CONNECT_MS = 3000;

/**
 * HTTP pull workers (presque `GET /q/:queue`): lease jobs, then complete or fail them with the
 * lease token. One {@link PullWorker} per queue and process, created on first use; all of them
 * share one command connection, each adds one blocking connection.
 */
@Injectable()
export class PullService implements OnModuleInit, OnApplicationShutdown {
  private readonly workers = new Map<string, PullWorker>();
  private connection?: RedisClient;

  constructor(
    private readonly config: JobqConfig,
    private readonly connections: RedisConnections,
    private readonly registry: QueueRegistry,
    private readonly policies: PolicyStore,
    private readonly broadcast: BroadcastService,
    private readonly fleet: FleetStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.policies.onChange((queue, policy) => this.workers.get(queue)?.configure(policy));
    this.registry.onRelease((queue) => this.release(queue));
    this.broadcast.on(CoreEvent.QueueRemoved, (queue) => void this.release(queue));
  }

  /**
   * Leases up to `count` jobs of `queue`, waiting up to `waitMs` when there is none. `workerId`
   * (`X-presque-workerid`) is kept on each job as BullMQ's `processedBy`, so the worker is credited
   * when the lease ends, whichever api process hears the ack.
   * @throws QueueClosedError when the queue's policy state is `stopped`.
   */
  async lease(queue: string, count: number, waitMs = 0, workerId?: string): Promise<LeasedJob[]> {
    assertValidName(queue);
    const policy = await this.policies.get(queue);
    if (policy.state === 'stopped') throw new QueueClosedError(queue);
    if (waitMs <= 0 && !(await this.registry.has(queue))) return [];
    const pull = await this.pullWorker(queue, policy);
    const jobs = await pull.lease(count, waitMs);
    if (workerId && jobs.length > 0) await this.markHolder(queue, jobs, workerId);
    const expiresAt = Date.now() + policy.lease_ms;
    return jobs.map((job) => ({
      id: String(job.id),
      name: job.name,
      data: job.data,
      token: job.token ?? '',
      expiresAt,
    }));
  }

  /**
   * Completes a leased job with `result`.
   * The worker named by `workerId` (`X-presque-workerid`), or else the one that took the lease,
   * is credited with it when it is a registered worker.
   * @throws LeaseGoneError when `token` no longer holds the job; JobNotFoundError.
   */
  async complete(
    queue: string,
    id: string,
    token: string,
    result?: unknown,
    workerId?: string,
  ): Promise<string> {
    const job = await this.leasedJob(queue, id);
    await this.guard(queue, id, () => job.moveToCompleted(result ?? null, token, false));
    await this.credit(workerId ?? job.processedBy, 'processed');
    return 'completed';
  }

  /**
   * Fails one attempt of a leased job: it is retried per its attempts and backoff, then lands
   * in the failed set. Returns the job's state afterwards (`delayed`, `waiting`, `failed`).
   * @throws LeaseGoneError when `token` no longer holds the job; JobNotFoundError.
   */
  async fail(
    queue: string,
    id: string,
    token: string,
    failure: LeaseFailure,
    workerId?: string,
  ): Promise<string> {
    const job = await this.leasedJob(queue, id);
    const error = new Error(failure.error);
    error.stack = failure.stacktrace ?? `Error: ${failure.error}`;
    if (failure.unrecoverable) error.name = 'UnrecoverableError';
    await this.guard(queue, id, () => job.moveToFailed(error, token, false));
    await this.credit(workerId ?? job.processedBy, 'failed');
    return job.getState();
  }

  /** Stops pulling from `queue` in this process (queue purge). */
  async release(queue: string): Promise<void> {
    const pull = this.workers.get(queue);
    this.workers.delete(queue);
    await pull?.close().catch(() => undefined);
  }

  /** Sets BullMQ's `processedBy` (hash field `pb`, as its own workers do) on each leased job. */
  private async markHolder(queue: string, jobs: Job[], workerId: string): Promise<void> {
    const bull = this.registry.queue(queue);
    const batch = this.connections.client.pipeline();
    for (const job of jobs) batch.hset(bull.toKey(String(job.id)), 'pb', workerId);
    await batch.exec();
  }

  private async credit(workerId: string | undefined, outcome: 'processed' | 'failed') {
    if (workerId) await this.fleet.credit(workerId, outcome);
  }

  private async leasedJob(queue: string, id: string): Promise<Job> {
    assertValidName(queue);
    if (!(await this.registry.has(queue))) throw new JobNotFoundError(queue, id);
    const pull = await this.pullWorker(queue, await this.policies.get(queue));
    const job = await Job.fromId(pull.worker, id);
    if (!job) throw new JobNotFoundError(queue, id);
    return job;
  }

  private async guard(queue: string, id: string, move: () => Promise<unknown>): Promise<void> {
    try {
      await move();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (typeof code === 'number' && LEASE_GONE_CODES.has(code)) {
        throw new LeaseGoneError(queue, id);
      }
      if (code === JOB_MISSING_CODE) throw new JobNotFoundError(queue, id);
      throw err;
    }
  }

  private async pullWorker(queue: string, policy: QueuePolicy): Promise<PullWorker> {
    const connection = await this.connected();
    let pull = this.workers.get(queue);
    if (!pull) {
      const worker = new Worker(queue, null, {
        connection,
        prefix: this.config.QUEUE_PREFIX,
        autorun: false,
        drainDelay: 1,
        metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
        ...PullWorker.options(policy),
      });
      worker.on('error', (err) => {
        if (!isRedisOutage(err)) this.logger.warn({ err: err.message, queue }, 'pull worker error');
      });
      void worker.startStalledCheckTimer();
      pull = new PullWorker(worker, this.logger);
      this.workers.set(queue, pull);
    }
    return pull;
  }

  /**
   * The command connection of every pull worker. It queues commands while Redis is away (BullMQ
   * workers need that), so a request checks it is up first and answers 503 rather than hang.
   */
  private async connected(): Promise<RedisClient> {
    this.connection ??= this.connections.create('pull', true);
    await this.connections.whenReady(this.connection, FIRST_CONNECT_MS);
    return this.connection;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.workers.keys()].map((queue) => this.release(queue)));
  }
}
