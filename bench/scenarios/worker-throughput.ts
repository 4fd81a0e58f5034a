import type { Queue } from 'bullmq';
import type { BenchContext } from '../lib/bench-context';
import { interleave, Slice, timed } from '../lib/interleave';
import type { Scenario } from '../lib/scenario';

const CONCURRENCY = 100;

/**
 * Jobs/s through one worker process at concurrency 100, no-op jobs: the jobq worker app (demo
 * `echo`) vs a bare BullMQ Worker. Both run from the start, each on its own paused queue; a slice
 * fills a queue, resumes it and times the drain (see {@link interleave}).
 */
export const workerThroughput: Scenario = {
  name: 'worker throughput, no-op jobs, concurrency 100, one process',
  unit: 'jobs/s',
  goal: 'ratio >= 0.95',
  higherIsBetter: true,
  meets: (m) => m.ratio !== null && m.ratio >= 0.95,
  async run(ctx) {
    const jobs = ctx.size(5_000, 2_000);
    try {
      const baseline = await drainer(ctx, jobs, (prefix) =>
        ctx.startBaselineWorker(prefix, CONCURRENCY),
      );
      const jobq = await drainer(ctx, jobs, (prefix) => ctx.startWorker(prefix, CONCURRENCY));
      return await interleave({ baseline, jobq }, ctx.size(4, 2));
    } finally {
      await ctx.cleanup();
    }
  },
};

/** Starts a worker on a paused queue of its own; each call of the result times one drain of `jobs`. */
async function drainer(
  ctx: BenchContext,
  jobs: number,
  start: (prefix: string) => Promise<unknown>,
): Promise<() => Promise<Slice>> {
  const prefix = ctx.prefix();
  const queue: Queue = ctx.queue('demo', prefix);
  await queue.pause();
  await start(prefix);
  let total = 0;
  return async () => {
    await ctx.addEchoJobs(queue, jobs);
    total += jobs;
    const slice = await timed(jobs, async () => {
      await queue.resume();
      await ctx.completed(queue, total);
    });
    await queue.pause();
    return slice;
  };
}
