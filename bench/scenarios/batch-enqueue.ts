import type { Scenario } from '../lib/scenario';

const BATCH = 1000;

/** Jobs/s enqueued in batches of 1,000: jobq's `POST /qb/:queue` vs BullMQ `addBulk` from the same process. */
export const batchEnqueue: Scenario = {
  name: 'batch enqueue, 1,000 jobs per request',
  unit: 'jobs/s',
  goal: 'ratio >= 0.8',
  higherIsBetter: true,
  meets: (m) => m.ratio !== null && m.ratio >= 0.8,
  async run(ctx) {
    const batches = ctx.size(50, 10);
    const payloads = Array.from({ length: BATCH }, (_, i) => ({
      to: `user${i}@example.com`,
      n: i,
    }));

    return ctx.pair(
      async () => {
        const queue = ctx.queue('bench', ctx.prefix());
        const started = performance.now();
        for (let b = 0; b < batches; b++)
          await queue.addBulk(payloads.map((data) => ({ name: 'default', data })));
        return (batches * BATCH) / ((performance.now() - started) / 1000);
      },
      async () => {
        const api = await ctx.startApi(ctx.prefix());
        const body = JSON.stringify({ jobs: payloads });
        const started = performance.now();
        for (let b = 0; b < batches; b++) {
          const res = await fetch(`${api}/qb/bench`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          if (res.status !== 201)
            throw new Error(`/qb answered ${res.status}: ${await res.text()}`);
        }
        const jobq = (batches * BATCH) / ((performance.now() - started) / 1000);
        await ctx.cleanup();
        return jobq;
      },
    );
  },
};
