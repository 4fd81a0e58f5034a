import { freePort } from '../../scripts/lib/embedded-redis';
import { BENCH_API_KEYS, BENCH_AUTH, BENCH_SECRET } from '../lib/bench-key';
import { loadPaired, LoadRequest } from '../lib/load';
import type { Scenario } from '../lib/scenario';

const ENQUEUE: LoadRequest = {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...BENCH_AUTH },
  body: JSON.stringify({ to: 'user@example.com', subject: 'hello', n: 42 }),
};

/** Requests/s enqueueing one job per request over 64 connections, API key on: jobq's `POST /q/:queue` vs a hand-written Fastify + BullMQ server with a one-line bearer check. */
export const httpEnqueue: Scenario = {
  name: 'HTTP enqueue, one job per request, 64 connections',
  unit: 'req/s',
  goal: 'ratio >= 0.85',
  higherIsBetter: true,
  meets: (m) => m.ratio !== null && m.ratio >= 0.85,
  async run(ctx) {
    const port = await freePort();
    try {
      await ctx.spawn(
        'bench/baselines/fastify-enqueue.js',
        { QUEUE_PREFIX: ctx.prefix(), PORT: String(port), BENCH_KEY: BENCH_SECRET },
        /baseline server listening/,
      );
      const api = await ctx.startApi(ctx.prefix(), { API_KEYS: BENCH_API_KEYS });
      const servers = { baseline: `http://127.0.0.1:${port}/q/bench`, jobq: `${api}/q/bench` };
      return await loadPaired(servers, ctx.size(10, 2), ENQUEUE);
    } finally {
      await ctx.cleanup();
    }
  },
};
