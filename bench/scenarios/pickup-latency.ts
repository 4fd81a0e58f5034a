import type { Job, Queue } from 'bullmq';
import type { BenchContext } from '../lib/bench-context';
import type { Scenario } from '../lib/scenario';
import { percentile } from '../lib/stats';

const RATE = 1000;
const CONCURRENCY = 100;
/** Seconds of load before the measured ones: a worker just started runs code the JIT has not compiled yet. */
const WARM_UP_S = 1;

/**
 * Latency from enqueue to handler start (`processedOn - timestamp`) at a steady 1,000 jobs/s: the
 * jobq worker app vs a bare BullMQ Worker, each after a {@link WARM_UP_S}-s warm-up at the same rate
 * that is not counted. The goal is on jobq's p99; p50s are kept as extras.
 */
export const pickupLatency: Scenario = {
  name: 'latency enqueue -> handler start at 1,000 jobs/s (p99)',
  unit: 'ms',
  goal: 'jobq p99 <= 10 ms',
  higherIsBetter: false,
  meets: (m) => m.jobq <= 10,
  async run(ctx) {
    const seconds = ctx.size(5, 1);
    const { baseline: base, jobq } = await ctx.pair(
      () => measure(ctx, seconds, (prefix) => ctx.startBaselineWorker(prefix, CONCURRENCY)),
      () => measure(ctx, seconds, (prefix) => ctx.startWorker(prefix, CONCURRENCY)),
    );
    return {
      jobq: jobq.p99,
      baseline: base.p99,
      extra: { jobq_p50: jobq.p50, baseline_p50: base.p50 },
    };
  },
};

async function measure(
  ctx: BenchContext,
  seconds: number,
  start: (prefix: string) => Promise<unknown>,
) {
  const prefix = ctx.prefix();
  const queue: Queue = ctx.queue('demo', prefix);
  await start(prefix);
  const warm = RATE * WARM_UP_S;
  const total = warm + RATE * seconds;
  const tickMs = 10;
  const perTick = (RATE * tickMs) / 1000;
  const began = performance.now();
  for (let sent = 0; sent < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - began) / 1000) * RATE) + perTick);
    const adds: Promise<Job>[] = [];
    for (; sent < due; sent++) adds.push(queue.add('echo', { sent }, { removeOnComplete: false }));
    await Promise.all(adds);
    await new Promise((r) => setTimeout(r, tickMs));
  }
  await ctx.completed(queue, total);
  const jobs = await queue.getJobs(['completed'], 0, total);
  const latencies = jobs
    .filter((j) => (j.data as { sent: number }).sent >= warm)
    .map((j) => (j.processedOn ?? 0) - j.timestamp);
  await ctx.cleanup();
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}
