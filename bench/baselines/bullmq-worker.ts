import { MetricsTime, Worker } from 'bullmq';

/**
 * Baseline: a bare BullMQ Worker with a no-op processor. Env: REDIS_URL, QUEUE_PREFIX, QUEUE,
 * CONCURRENCY, and RETENTION (JSON `{removeOnComplete, removeOnFail}`; none by default).
 */
const worker = new Worker(process.env.QUEUE ?? 'demo', async (job) => job.data, {
  connection: { url: process.env.REDIS_URL, maxRetriesPerRequest: null },
  prefix: process.env.QUEUE_PREFIX,
  concurrency: Number(process.env.CONCURRENCY ?? 100),
  metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
  ...(JSON.parse(process.env.RETENTION ?? '{}') as object),
});
void worker.waitUntilReady().then(() => console.log('baseline worker ready'));
process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)));
