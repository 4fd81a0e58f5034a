import { freePort } from '@jobq/queue-core';
import { load, LoadRequest } from '../lib/load';
import type { Scenario } from '../lib/scenario';

const TOPIC = 'bench';
const PUBLISH: LoadRequest = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ event: 'order.placed', order: 42, total: 19.99 }),
};

/** Requests/s publishing one message per request over 64 connections: jobq's `POST /bus/:topic` vs a hand-written Fastify + XADD server. */
export const busPublish: Scenario = {
  name: 'bus publish, one message per request, 64 connections',
  unit: 'req/s',
  goal: 'ratio >= 0.85',
  higherIsBetter: true,
  meets: (m) => m.ratio !== null && m.ratio >= 0.85,
  async run(ctx) {
    const duration = ctx.size(10, 2);
    const redis = ctx.redis();
    try {
      return await ctx.pair(
        async () => {
          const prefix = ctx.prefix();
          const port = await freePort();
          await ctx.spawn(
            'bench/baselines/fastify-xadd.js',
            { QUEUE_PREFIX: prefix, PORT: String(port) },
            /baseline server listening/,
          );
          const baseline = await load(`http://127.0.0.1:${port}/bus/${TOPIC}`, duration, PUBLISH);
          await ctx.cleanup();
          await redis.del(`${prefix}:bus:${TOPIC}`);
          return baseline;
        },
        async () => {
          const api = await ctx.startApi(ctx.prefix());
          const jobq = await load(`${api}/bus/${TOPIC}`, duration, PUBLISH);
          const deleted = await fetch(`${api}/bus/${TOPIC}`, { method: 'DELETE' });
          if (deleted.status !== 204) throw new Error(`DELETE /bus answered ${deleted.status}`);
          await ctx.cleanup();
          return jobq;
        },
      );
    } finally {
      redis.disconnect();
      await ctx.cleanup();
    }
  },
};
