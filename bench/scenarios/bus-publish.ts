import { freePort } from '../../scripts/lib/embedded-redis';
import { BENCH_API_KEYS, BENCH_AUTH, BENCH_SECRET } from '../lib/bench-key';
import { loadPaired, LoadRequest } from '../lib/load';
import type { Scenario } from '../lib/scenario';

const TOPIC = 'bench';
const PUBLISH: LoadRequest = {
  method: 'POST',
  headers: { 'content-type': 'application/json', ...BENCH_AUTH },
  body: JSON.stringify({ event: 'order.placed', order: 42, total: 19.99 }),
};

/** Requests/s publishing one message per request over 64 connections, API key on: jobq's `POST /bus/:topic` vs a hand-written Fastify + XADD server with a one-line bearer check. */
export const busPublish: Scenario = {
  name: 'bus publish, one message per request, 64 connections',
  unit: 'req/s',
  goal: 'ratio >= 0.85',
  higherIsBetter: true,
  meets: (m) => m.ratio !== null && m.ratio >= 0.85,
  async run(ctx) {
    const prefix = ctx.prefix();
    const port = await freePort();
    try {
      await ctx.spawn(
        'bench/baselines/fastify-xadd.js',
        { QUEUE_PREFIX: prefix, PORT: String(port), BENCH_KEY: BENCH_SECRET },
        /baseline server listening/,
      );
      const api = await ctx.startApi(ctx.prefix(), { API_KEYS: BENCH_API_KEYS });
      const servers = {
        baseline: `http://127.0.0.1:${port}/bus/${TOPIC}`,
        jobq: `${api}/bus/${TOPIC}`,
      };
      const result = await loadPaired(servers, ctx.size(10, 2), PUBLISH);
      const deleted = await fetch(servers.jobq, { method: 'DELETE', headers: BENCH_AUTH });
      if (deleted.status !== 204) throw new Error(`DELETE /bus answered ${deleted.status}`);
      return result;
    } finally {
      await ctx.cleanup();
      const redis = ctx.redis();
      await redis.del(`${prefix}:bus:${TOPIC}`).finally(() => redis.disconnect());
    }
  },
};
