import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  FleetStore,
  JOB_STATES,
  QueueRegistry,
  QueueTotalsService,
  WorkerRecord,
} from '@jobq/queue-core';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ScheduleMetrics } from './schedule-metrics';

const WORKER_LABELS = ['worker', 'host', 'kind'] as const;

/**
 * The Prometheus metrics of an api process (its one {@link Registry}): API latency observed on every response; queues (counts
 * by state, processed/failed totals, last-minute throughput, wait/run percentiles) and the worker
 * fleet (liveness, utilization, active jobs, counters, memory) read from Redis at each scrape, so
 * every api process reports the same cluster-wide numbers; schedules by {@link ScheduleMetrics}.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  private readonly registers = [this.registry];
  private readonly latency = new Histogram({
    name: 'jobq_http_request_duration_seconds',
    help: 'API request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 30],
    registers: this.registers,
  });
  private readonly queue = {
    jobs: new Gauge({
      name: 'jobq_queue_jobs',
      help: 'Jobs by state',
      labelNames: ['queue', 'state'],
      registers: this.registers,
    }),
    paused: new Gauge({
      name: 'jobq_queue_paused',
      help: '1 while the queue is stopped',
      labelNames: ['queue'],
      registers: this.registers,
    }),
    lastMinute: new Gauge({
      name: 'jobq_queue_jobs_last_minute',
      help: 'Jobs finished in the last full minute (BullMQ metrics)',
      labelNames: ['queue', 'outcome'],
      registers: this.registers,
    }),
    processed: new Counter({
      name: 'jobq_queue_processed_total',
      help: 'Jobs completed',
      labelNames: ['queue'],
      registers: this.registers,
    }),
    failed: new Counter({
      name: 'jobq_queue_failed_total',
      help: 'Jobs failed for good',
      labelNames: ['queue'],
      registers: this.registers,
    }),
    duration: new Gauge({
      name: 'jobq_queue_duration_seconds',
      help: 'Wait (enqueue to start) and run time percentiles',
      labelNames: ['queue', 'phase', 'quantile'],
      registers: this.registers,
    }),
    workers: new Gauge({
      name: 'jobq_queue_workers',
      help: 'Live workers serving the queue',
      labelNames: ['queue'],
      registers: this.registers,
    }),
  };
  private readonly worker = {
    up: new Gauge({
      name: 'jobq_worker_up',
      help: '1 while the worker beats, 0 once lost',
      labelNames: WORKER_LABELS,
      registers: this.registers,
    }),
    utilization: new Gauge({
      name: 'jobq_worker_utilization',
      help: 'Busy share of capacity over the last minute (0-1)',
      labelNames: WORKER_LABELS,
      registers: this.registers,
    }),
    active: new Gauge({
      name: 'jobq_worker_active_jobs',
      help: 'Jobs running now',
      labelNames: WORKER_LABELS,
      registers: this.registers,
    }),
    rss: new Gauge({
      name: 'jobq_worker_rss_bytes',
      help: 'Resident memory',
      labelNames: WORKER_LABELS,
      registers: this.registers,
    }),
    processed: new Counter({
      name: 'jobq_worker_processed_total',
      help: 'Jobs completed by the worker',
      labelNames: WORKER_LABELS,
      registers: this.registers,
    }),
    failed: new Counter({
      name: 'jobq_worker_failed_total',
      help: 'Jobs failed on the worker',
      labelNames: WORKER_LABELS,
      registers: this.registers,
    }),
  };

  constructor(
    readonly registry: Registry,
    private readonly schedules: ScheduleMetrics,
    private readonly adapterHost: HttpAdapterHost,
    private readonly queues: QueueRegistry,
    private readonly fleet: FleetStore,
    private readonly totals: QueueTotalsService,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'jobq_api_' });
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (req, reply, done) => {
      const route = req.routeOptions.url ?? 'unmatched';
      this.latency.observe(
        { method: req.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }

  /** Reads the current queue and fleet state from Redis and renders the exposition text. */
  async scrape(): Promise<string> {
    for (const metric of [...Object.values(this.queue), ...Object.values(this.worker)])
      metric.reset();
    const workers = await this.fleet.list();
    await Promise.all((await this.queues.list()).map((name) => this.collectQueue(name, workers)));
    for (const w of workers) this.collectWorker(w);
    await this.schedules.collect();
    return this.registry.metrics();
  }

  private async collectQueue(name: string, workers: WorkerRecord[]): Promise<void> {
    const queue = this.queues.queue(name);
    const [counts, paused, totals, stats] = await Promise.all([
      queue.getJobCounts(...JOB_STATES),
      queue.isPaused(),
      this.totals.of(name, 2),
      this.fleet.queueStats(name, workers),
    ]);
    const q = this.queue;
    for (const state of JOB_STATES) q.jobs.set({ queue: name, state }, counts[state] ?? 0);
    q.paused.set({ queue: name }, paused ? 1 : 0);
    q.lastMinute.set({ queue: name, outcome: 'completed' }, totals.per_minute.completed[1]);
    q.lastMinute.set({ queue: name, outcome: 'failed' }, totals.per_minute.failed[1]);
    q.processed.inc({ queue: name }, totals.processed);
    q.failed.inc({ queue: name }, totals.failed);
    q.workers.set({ queue: name }, stats.current_workers);
    for (const [phase, p] of [
      ['wait', stats.wait_ms],
      ['run', stats.run_ms],
    ] as const) {
      if (p.p50 !== null) q.duration.set({ queue: name, phase, quantile: '0.5' }, p.p50 / 1000);
      if (p.p95 !== null) q.duration.set({ queue: name, phase, quantile: '0.95' }, p.p95 / 1000);
    }
  }

  private collectWorker(w: WorkerRecord): void {
    const labels = { worker: w.worker_id, host: w.host, kind: w.kind };
    this.worker.up.set(labels, w.status === 'lost' ? 0 : 1);
    this.worker.utilization.set(labels, w.utilization);
    this.worker.active.set(labels, w.active);
    this.worker.rss.set(labels, w.rss_bytes);
    this.worker.processed.inc(labels, w.processed);
    this.worker.failed.inc(labels, w.failed);
  }
}
