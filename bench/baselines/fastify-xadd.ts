import Fastify from 'fastify';
import { Redis } from 'ioredis';

/** Baseline: the 20-line Fastify server a user would write to publish to a Redis Stream, one XADD per request. Env: REDIS_URL, QUEUE_PREFIX, PORT, BENCH_KEY. */
const AUTH = `Bearer ${process.env.BENCH_KEY}`;
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const app = Fastify();
// The one-line bearer check jobq's API key is measured against (BENCH_KEY, from bench/lib/bench-key.ts).
app.addHook('onRequest', (req, reply, done) =>
  req.headers.authorization === AUTH
    ? done()
    : void reply.code(401).send({ error: 'unauthorized' }),
);
app.post<{ Params: { topic: string }; Body: unknown }>('/bus/:topic', async (req, reply) => {
  const id = await redis.xadd(
    `${process.env.QUEUE_PREFIX}:bus:${req.params.topic}`,
    '*',
    'c',
    JSON.stringify(req.body),
  );
  return reply.code(201).send({ id, topic: req.params.topic });
});
void app
  .listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
  .then(() => console.log('baseline server listening'));
process.on(
  'SIGTERM',
  () => void app.close().then(() => redis.quit().finally(() => process.exit(0))),
);
