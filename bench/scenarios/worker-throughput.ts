import type { Queue } from 'bullmq';
import type { BenchContext } from '../lib/bench-context';
import type { Scenario } from '../lib/scenario';

const CONCURRENCY = 100;

/** Jobs/s through one worker process at concurrency 100, no-op jobs: the jobq worker app (demo `echo`) vs a bare BullMQ Worker. */
export const workerThroughput: Scenario = {
  name: 'worker throughput, no-op jobs, concurrency 100, one process',
  unit: 'jobs/s',
  goal: 'ratio >= 0.95',
  higherIsBetter: true,
  meets: (m) => m.ratio !== null && m.ratio >= 0.95,
  async run(ctx) {
    const jobs = ctx.size(20_000, 5_000);
    return ctx.pair(
      () => drain(ctx, jobs, (prefix) => ctx.startBaselineWorker(prefix, CONCURRENCY)),
      () => drain(ctx, jobs, (prefix) => ctx.startWorker(prefix, CONCURRENCY)),
    );
  },
};

/** Fills a paused queue, starts the worker, resumes, and times the drain. */
async function drain(
  ctx: BenchContext,
  jobs: number,
  start: (prefix: string) => Promise<unknown>,
): Promise<number> {
  const prefix = ctx.prefix();
  const queue: Queue = ctx.queue('demo', prefix);
  await queue.pause();
  await ctx.addEchoJobs(queue, jobs);
  await start(prefix);
  const started = performance.now();
  await queue.resume();
  await ctx.completed(queue, jobs);
  const seconds = (performance.now() - started) / 1000;
  await ctx.cleanup();
  return jobs / seconds;
}
