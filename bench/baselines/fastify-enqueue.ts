import { Queue } from 'bullmq';
import Fastify from 'fastify';

/** Baseline: the 20-line Fastify + BullMQ enqueue server a user would write by hand. Env: REDIS_URL, QUEUE_PREFIX, PORT, BENCH_KEY. */
const AUTH = `Bearer ${process.env.BENCH_KEY}`;
const queues = new Map<string, Queue>();
const app = Fastify();
// The one-line bearer check jobq's API key is measured against (BENCH_KEY, from bench/lib/bench-key.ts).
app.addHook('onRequest', (req, reply, done) =>
  req.headers.authorization === AUTH
    ? done()
    : void reply.code(401).send({ error: 'unauthorized' }),
);
app.post<{ Params: { queue: string }; Body: Record<string, unknown> }>(
  '/q/:queue',
  async (req, reply) => {
    let queue = queues.get(req.params.queue);
    if (!queue) {
      queue = new Queue(req.params.queue, {
        connection: { url: process.env.REDIS_URL },
        prefix: process.env.QUEUE_PREFIX,
      });
      queues.set(req.params.queue, queue);
    }
    const job = await queue.add('default', req.body);
    return reply.code(201).send({ id: job.id, queue: req.params.queue });
  },
);
void app
  .listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
  .then(() => console.log('baseline server listening'));
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
