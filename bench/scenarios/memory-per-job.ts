import type { Scenario } from '../lib/scenario';

/** Redis bytes per waiting job with a 100-byte payload: enqueued through jobq's `/qb` vs BullMQ `addBulk`. */
export const memoryPerJob: Scenario = {
  name: 'Redis memory per waiting job, 100-byte payload',
  unit: 'bytes/job',
  goal: 'ratio <= 1.1',
  higherIsBetter: false,
  meets: (m) => m.ratio !== null && m.ratio <= 1.1,
  async run(ctx) {
    const jobs = ctx.size(20_000, 3_000);
    const payload = { body: 'x'.repeat(100 - '{"body":""}'.length) };
    const redis = ctx.redis();
    const used = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
    try {
      const queue = ctx.queue('bench', ctx.prefix());
      await queue.waitUntilReady();
      let before = await used();
      for (let i = 0; i < jobs; i += 1000)
        await queue.addBulk(
          Array.from({ length: 1000 }, () => ({ name: 'default', data: payload })),
        );
      const baseline = ((await used()) - before) / jobs;

      const api = await ctx.startApi(ctx.prefix());
      await fetch(`${api}/q/bench`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"warm":1}',
      });
      before = await used();
      const body = JSON.stringify({ jobs: Array.from({ length: 1000 }, () => payload) });
      for (let i = 0; i < jobs; i += 1000) {
        await fetch(`${api}/qb/bench`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      }
      const jobq = ((await used()) - before) / jobs;
      return { jobq, baseline };
    } finally {
      redis.disconnect();
      await ctx.cleanup();
    }
  },
};
