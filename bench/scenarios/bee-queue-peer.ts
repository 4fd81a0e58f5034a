import BeeQueue from 'bee-queue';
import type { Scenario } from '../lib/scenario';

/** Peer reference: jobs/s to enqueue N jobs and process them all, jobq (BullMQ + jobq worker app) vs bee-queue on the same Redis. */
export const beeQueuePeer: Scenario = {
  name: 'peer reference: enqueue + process (bee-queue as baseline)',
  unit: 'jobs/s',
  goal: 'report',
  higherIsBetter: true,
  meets: () => true,
  async run(ctx) {
    const jobs = ctx.size(20_000, 3_000);

    const bee = new BeeQueue(`bench-${ctx.prefix()}`, {
      redis: { url: ctx.redisUrl },
      removeOnSuccess: true,
      isWorker: true,
    });
    let done = 0;
    const finished = new Promise<void>((resolve) =>
      bee.on('succeeded', () => ++done === jobs && resolve()),
    );
    bee.process(100, async (job: BeeQueue.Job<{ i: number }>) => job.data);
    let started = performance.now();
    for (let i = 0; i < jobs; i += 1000) {
      await bee.saveAll(
        Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => bee.createJob({ i: i + k })),
      );
    }
    await finished;
    const baseline = jobs / ((performance.now() - started) / 1000);
    await bee.destroy();
    await bee.close();

    const prefix = ctx.prefix();
    await ctx.startWorker(prefix);
    const queue = ctx.queue('demo', prefix);
    started = performance.now();
    await ctx.addEchoJobs(queue, jobs);
    await ctx.completed(queue, jobs);
    const jobq = jobs / ((performance.now() - started) / 1000);
    await ctx.cleanup();
    return { jobq, baseline };
  },
};
