import Fastify from 'fastify';
import { Redis } from 'ioredis';

/** Baseline: the 20-line Fastify server a user would write to publish to a Redis Stream, one XADD per request. Env: REDIS_URL, QUEUE_PREFIX, PORT. */
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const app = Fastify();
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
