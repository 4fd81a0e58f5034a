import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Scenario } from '../lib/scenario';
import { median, percentile } from '../lib/stats';

/**
 * Redis database of this scenario, flushed at its end (a million jobs are quicker dropped than
 * obliterated) — synchronously, so the next scenario does not measure memory being freed.
 */
const DB = 1;
const JOBS_PER_QUEUE = 10;
const RENDERS = 10;

/**
 * Time to serve the dashboard overview (`GET /`, the whole HTML page, read to its end) with 500
 * queues and one holding 1,000,000 waiting jobs; median of 10 renders after a warm-up. Baseline:
 * bull-board's own queue listing (`GET /board/api/queues`) on the same data. `--quick`: 100 queues
 * and 100,000 jobs.
 */
export const dashboardRender: Scenario = {
  name: 'dashboard render, 500 queues and a 1,000,000-job queue',
  unit: 'ms',
  goal: 'jobq <= 300 ms',
  higherIsBetter: false,
  meets: (m) => m.jobq <= 300,
  async run(ctx) {
    const queues = ctx.size(500, 100);
    const bigJobs = ctx.size(1_000_000, 100_000);
    const url = `${ctx.redisUrl}/${DB}`;
    const prefix = ctx.prefix();
    const redis = new Redis(url);
    try {
      const api = await ctx.startApi(prefix, { REDIS_URL: url });
      const batch = JSON.stringify({
        jobs: Array.from({ length: JOBS_PER_QUEUE }, (_, i) => ({ i, to: 'user@example.com' })),
      });
      for (let i = 0; i < queues - 1; i++) {
        await post(`${api}/qb/q${i}`, batch);
        if (i % 10 === 0) await put(`${api}/policy/q${i}`, { concurrency: 5, attempts: 5 });
      }
      await post(`${api}/q/big`, '{"first":true}');
      await addJobs(new Queue('big', { connection: { url }, prefix }), bigJobs - 1);

      const dashboard = await ctx.startDashboard(prefix, { REDIS_URL: url });
      const overview = (await (await fetch(`${dashboard}/api/overview`)).json()) as {
        queues: { queue: string; size: number }[];
      };
      const big = overview.queues.find((q) => q.queue === 'big');
      if (overview.queues.length !== queues || big?.size !== bigJobs)
        throw new Error(`overview shows ${overview.queues.length} queues, big ${big?.size} jobs`);

      const page = await timeRenders(`${dashboard}/`);
      const board = await timeRenders(`${dashboard}/board/api/queues`);
      return {
        jobq: median(page),
        baseline: median(board),
        extra: {
          p90: percentile(page, 90),
          json_ms: median(await timeRenders(`${dashboard}/api/overview`)),
        },
      };
    } finally {
      await redis.flushdb('SYNC');
      redis.disconnect();
      await ctx.cleanup();
    }
  },
};

/** Adds `count` small waiting jobs, 2,000 per `addBulk`, four batches in flight. */
async function addJobs(queue: Queue, count: number): Promise<void> {
  let added = 0;
  const lane = async () => {
    while (added < count) {
      const n = Math.min(2000, count - added);
      added += n;
      await queue.addBulk(Array.from({ length: n }, (_, i) => ({ name: 'default', data: { i } })));
    }
  };
  try {
    await Promise.all(Array.from({ length: 4 }, lane));
  } finally {
    await queue.close();
  }
}

/** Wall time of one warm-up and then {@link RENDERS} sequential GETs of `url`, each read to its end. */
async function timeRenders(url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= RENDERS; i++) {
    const started = performance.now();
    const res = await fetch(url);
    await res.text();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    if (i > 0) times.push(performance.now() - started);
  }
  return times;
}

async function post(url: string, body: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}`);
}

async function put(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`PUT ${url} answered ${res.status}`);
}
