import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ConfigError,
  isRedisOutage,
  JobqConfig,
  LOGGER,
  PolicyStore,
  QueueRegistry,
  RedisConnections,
  toRetention,
} from '@jobq/queue-core';
import { MetricsTime, Worker, type WorkerOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { QueuePolicy } from '@jobq/queue-core';
import { HandlerRegistry } from '../handlers/handler.registry';
import { HeartbeatService } from '../heartbeat/heartbeat.service';
import { JobRunner } from './job.runner';
import { DeclaredSchedules } from '../schedules/declared-schedules.service';

/**
 * One BullMQ `Worker` per served queue: every queue with handlers, or the ones `WORKER_QUEUES`
 * names. Started at boot; on shutdown they stop taking jobs and the active ones get
 * `WORKER_GRACE_MS` to finish before the Workers are closed by force (those jobs go back to the
 * queue through BullMQ's stalled check, so none is lost).
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers = new Map<string, Worker>();

  constructor(
    private readonly config: JobqConfig,
    private readonly connections: RedisConnections,
    private readonly registry: QueueRegistry,
    private readonly handlers: HandlerRegistry,
    private readonly runner: JobRunner,
    private readonly heartbeat: HeartbeatService,
    private readonly policies: PolicyStore,
    private readonly schedules: DeclaredSchedules,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The queues this process serves, sorted. */
  get served(): string[] {
    return [...this.workers.keys()];
  }

  async onApplicationBootstrap(): Promise<void> {
    const queues = this.queuesToServe();
    if (!queues.length) this.logger.warn('no job handlers: this worker serves no queue');
    for (const queue of queues) {
      await this.registry.register(queue);
      await this.runner.prepare(queue);
    }
    for (const queue of queues)
      this.workers.set(queue, this.start(queue, await this.policies.get(queue)));
    this.policies.onChange((queue, policy) => {
      const worker = this.workers.get(queue);
      if (worker) Object.assign(worker.opts, followed(policy));
    });
    await Promise.all([...this.workers.values()].map((w) => w.waitUntilReady()));
    await this.schedules.apply(this.served);
    await this.heartbeat.start(this.served);
  }

  private queuesToServe(): string[] {
    const withHandlers = this.handlers.queues();
    const wanted = this.config.WORKER_QUEUES;
    if (!wanted) return withHandlers;
    const missing = wanted.filter((q) => !withHandlers.includes(q));
    if (missing.length) {
      throw new ConfigError(
        'WORKER_QUEUES',
        `no handler serves ${missing.join(', ')} (queues with handlers: ${withHandlers.join(', ') || 'none'})`,
      );
    }
    return [...new Set(wanted)].sort();
  }

  private start(queue: string, policy: QueuePolicy): Worker {
    const worker = new Worker(queue, this.runner.processor(queue), {
      connection: this.connections.create(`worker:${queue}`, true),
      prefix: this.config.QUEUE_PREFIX,
      name: `${hostname()}:${process.pid}`,
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: this.config.WORKER_LOCK_MS,
      stalledInterval: this.config.WORKER_STALLED_INTERVAL_MS,
      metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
      ...followed(policy),
    });
    worker.on('error', (err) => {
      if (!isRedisOutage(err)) this.logger.warn({ queue, err: err.message }, 'worker error');
    });
    worker.on('failed', (job, err) =>
      this.logger.warn(
        {
          queue,
          job_id: job?.id,
          job_name: job?.name,
          attempts_made: job?.attemptsMade,
          err: err.message,
        },
        'job failed',
      ),
    );
    worker.on('stalled', (jobId) =>
      this.logger.warn({ queue, job_id: jobId }, 'stalled job back to wait'),
    );
    return worker;
  }

  /**
   * Stops taking jobs and lets active ones finish within `WORKER_GRACE_MS`; past it the Workers
   * close by force, leaving those jobs locked until the lock expires and the stalled check of
   * another worker puts them back to wait (they are not failed). Closing is bounded too: when Redis
   * is gone, the connections are dropped so that the rest of the shutdown does not wait for it.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const workers = [...this.workers.values()];
    if (!workers.length) return;
    const graceMs = this.config.WORKER_GRACE_MS;
    this.logger.info(
      { queues: this.served, active: this.runner.active, grace_ms: graceMs },
      'draining: taking no new jobs, waiting for active ones',
    );
    const inTime = await within(Promise.all(workers.map((w) => w.pause())), graceMs);
    if (inTime) {
      this.logger.info('active jobs finished');
    } else {
      this.logger.warn(
        { active: this.runner.active, grace_ms: graceMs },
        'grace period over: closing by force; active jobs return to the queue via the stalled check',
      );
    }
    const closed = await within(Promise.all(workers.map((w) => w.close(!inTime))), CLOSE_MS);
    this.workers.clear();
    if (!closed || !this.connections.available) {
      this.logger.warn('redis is unreachable: dropping its connections to stop now');
      this.connections.disconnectAll();
    }
    this.logger.info('workers closed');
  }
}

/**
 * The Worker options that follow the live policy: retention, and how often a job may be found
 * stalled (its worker died) and handed out again before it fails — `attempts`, as for HTTP pull
 * leases, so a job caught by two crashes in a row still runs (BullMQ's default is once).
 */
function followed(
  policy: QueuePolicy,
): Pick<WorkerOptions, 'maxStalledCount' | 'removeOnComplete' | 'removeOnFail'> {
  return { ...toRetention(policy), maxStalledCount: policy.attempts };
}

/** How long closing the Workers may take once draining is over. */
const CLOSE_MS = 1000;

/** Whether `work` succeeds within `ms` (it keeps running either way). */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const expired = sleep(ms, false, { signal: timer.signal }).catch(() => false);
  const done = await Promise.race([
    work.then(
      () => true,
      () => false,
    ),
    expired,
  ]);
  timer.abort();
  return done;
}
