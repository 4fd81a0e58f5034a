import { interleave, timed } from '../lib/interleave';
import type { Scenario } from '../lib/scenario';

const BATCH = 1000;

/**
 * Jobs/s enqueued in batches of 1,000: jobq's `POST /qb/:queue` vs BullMQ `addBulk` from the bench
 * process, in slices of a few batches taken in turn (see {@link interleave}).
 */
export const batchEnqueue: Scenario = {
  name: 'batch enqueue, 1,000 jobs per request',
  unit: 'jobs/s',
  goal: 'ratio >= 0.8',
  higherIsBetter: true,
  meets: (m) => m.ratio !== null && m.ratio >= 0.8,
  async run(ctx) {
    const batches = ctx.size(10, 5);
    const payloads = Array.from({ length: BATCH }, (_, i) => ({
      to: `user${i}@example.com`,
      n: i,
    }));
    const queue = ctx.queue('bench', ctx.prefix());
    try {
      const api = await ctx.startApi(ctx.prefix());
      const body = JSON.stringify({ jobs: payloads });
      return await interleave(
        {
          baseline: () =>
            timed(batches * BATCH, async () => {
              for (let b = 0; b < batches; b++)
                await queue.addBulk(payloads.map((data) => ({ name: 'default', data })));
            }),
          jobq: () =>
            timed(batches * BATCH, async () => {
              for (let b = 0; b < batches; b++) {
                const res = await fetch(`${api}/qb/bench`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body,
                });
                if (res.status !== 201)
                  throw new Error(`/qb answered ${res.status}: ${await res.text()}`);
              }
            }),
        },
        ctx.size(5, 2),
      );
    } finally {
      await ctx.cleanup();
    }
  },
};
