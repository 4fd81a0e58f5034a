import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import {
  FleetStore,
  isRedisOutage,
  JOBQ_VERSION,
  JobqConfig,
  LOGGER,
  WorkerActivity,
  WorkerBeat,
} from '@jobq/queue-core';
import type { Logger } from 'pino';

/**
 * This process's record in the fleet (SPEC §4): a beat every `WORKER_HEARTBEAT_MS` with its
 * counters, running jobs, utilization and memory, plus the per-queue wait/run histograms gathered
 * since the last beat — one Redis round trip. A clean stop retires the record (a termination).
 */
@Injectable()
export class HeartbeatService implements OnApplicationShutdown {
  /** `host-pid-random`: unique even when pids repeat across containers. */
  readonly workerId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  readonly activity: WorkerActivity;
  private readonly startedAt = Date.now();
  private queues: string[] = [];
  private timer?: NodeJS.Timeout;
  private beating?: Promise<void>;

  constructor(
    private readonly config: JobqConfig,
    private readonly fleet: FleetStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.activity = new WorkerActivity(config.WORKER_CONCURRENCY, this.startedAt);
  }

  /** Registers this process on `queues` and starts beating. */
  async start(queues: string[]): Promise<void> {
    this.queues = queues;
    this.activity.capacity = this.config.WORKER_CONCURRENCY * Math.max(1, queues.length);
    await this.beat(queues);
    this.timer = setInterval(() => void this.beat(), this.config.WORKER_HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Stops beating; with `retire`, removes the record (a clean stop). */
  async stop(retire: boolean): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.beating;
    if (!this.queues.length) return;
    await this.beat().catch(() => undefined);
    if (retire)
      await this.fleet
        .retire(this.workerId)
        .catch((err: Error) => this.logger.warn({ err: err.message }, 'could not retire'));
  }

  private beat(joined: string[] = []): Promise<void> {
    const snapshot = this.activity.snapshot();
    const memory = process.memoryUsage();
    const beat: WorkerBeat = {
      worker_id: this.workerId,
      kind: 'process',
      host: hostname(),
      pid: process.pid,
      queues: this.queues,
      concurrency: this.config.WORKER_CONCURRENCY,
      started_at: this.startedAt,
      ...snapshot,
      rss_bytes: memory.rss,
      heap_bytes: memory.heapUsed,
      version: JOBQ_VERSION,
      heartbeat_ms: this.config.WORKER_HEARTBEAT_MS,
    };
    this.beating = this.fleet.beat(beat, this.activity.drain(), joined).catch((err: Error) => {
      if (!isRedisOutage(err)) this.logger.warn({ err: err.message }, 'heartbeat failed');
    });
    return this.beating;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop(true);
  }
}
