import { Injectable } from '@nestjs/common';
import { ScheduleService } from '@jobq/queue-core';
import { Counter, Gauge, Registry } from 'prom-client';

const LABELS = ['queue', 'schedule'] as const;

/** Schedules in `/metrics`: when each runs next, the jobs it has produced, whether it is paused. */
@Injectable()
export class ScheduleMetrics {
  private readonly nextRun: Gauge<(typeof LABELS)[number]>;
  private readonly produced: Counter<(typeof LABELS)[number]>;
  private readonly paused: Gauge<(typeof LABELS)[number]>;

  constructor(
    registry: Registry,
    private readonly schedules: ScheduleService,
  ) {
    const registers = [registry];
    this.nextRun = new Gauge({
      name: 'jobq_schedule_next_run_timestamp_seconds',
      help: 'When the schedule produces its next job (absent while paused or finished)',
      labelNames: LABELS,
      registers,
    });
    this.produced = new Counter({
      name: 'jobq_schedule_jobs_produced_total',
      help: 'Jobs the schedule has produced',
      labelNames: LABELS,
      registers,
    });
    this.paused = new Gauge({
      name: 'jobq_schedule_paused',
      help: '1 while the schedule is paused',
      labelNames: LABELS,
      registers,
    });
  }

  /** Reads every schedule from Redis into the metrics. */
  async collect(): Promise<void> {
    for (const metric of [this.nextRun, this.produced, this.paused]) metric.reset();
    for (const s of await this.schedules.list()) {
      const labels = { queue: s.queue, schedule: s.id };
      if (s.next_run_at) this.nextRun.set(labels, Date.parse(s.next_run_at) / 1000);
      this.produced.inc(labels, s.produced);
      this.paused.set(labels, s.paused ? 1 : 0);
    }
  }
}
