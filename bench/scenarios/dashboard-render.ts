import { Queue, Worker } from 'bullmq';
import {
  createLogger,
  FleetStore,
  loadConfig,
  RedisConnections,
  RedisKeys,
} from '@jobq/queue-core';
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
const WORKERS = 200;
const TICK_MS = 2000;

/**
 * The dashboard at scale: 500 queues, one of them (`big`) holding 1,000,000 waiting and 100,000
 * failed jobs, and 200 workers beating. Server time (`Server-Timing`) of the overview, the big
 * queue's page (its failed jobs, and a page three cursors deep) and the workers page: median of 10
 * renders after a warm-up each; `jobq` is the slowest of them. Baseline: bull-board's own queue
 * listing on the same data. Then Redis commands per live tick with 1 and with 20 open overview
 * pages (`INFO` deltas less the idle rate). `--quick`: 100 queues, 100,000 + 10,000 jobs.
 */
export const dashboardRender: Scenario = {
  name: 'dashboard pages, 500 queues, 1,000,000 waiting + 100,000 failed, 200 workers',
  unit: 'ms',
  goal: 'every page <= 300 ms',
  higherIsBetter: false,
  meets: (m) => m.jobq <= 300,
  async run(ctx) {
    const queues = ctx.size(500, 100);
    const bigJobs = ctx.size(1_000_000, 100_000);
    const failedJobs = ctx.size(100_000, 10_000);
    const url = `${ctx.redisUrl}/${DB}`;
    const prefix = ctx.prefix();
    const redis = new Redis(url);
    const connections = new RedisConnections(
      loadConfig({ REDIS_URL: url, QUEUE_PREFIX: prefix }),
      'tool',
      createLogger('bench', 'silent'),
    );
    try {
      const api = await ctx.startApi(prefix, { REDIS_URL: url });
      const batch = JSON.stringify({
        jobs: Array.from({ length: JOBS_PER_QUEUE }, (_, i) => ({ i, to: 'user@example.com' })),
      });
      for (let i = 0; i < queues - 1; i++) {
        await post(`${api}/qb/q${i}`, batch);
        if (i % 10 === 0) await put(`${api}/policy/q${i}`, { concurrency: 5, attempts: 5 });
      }
      await put(`${api}/policy/big`, { retention: { failed: { count: 1_000_000 } } });
      const big = new Queue('big', { connection: { url }, prefix });
      await addJobs(big, failedJobs, { attempts: 1 });
      await failAll(big, url, prefix, failedJobs);
      await addJobs(big, bigJobs);
      await connections.ready();
      await beatWorkers(new FleetStore(connections, new RedisKeys(prefix)));
      await big.close();

      const dashboard = await ctx.startDashboard(prefix, { REDIS_URL: url });
      const overview = (await (await fetch(`${dashboard}/api/overview`)).json()) as {
        queues: { queue: string; counts: { waiting: number; failed: number } }[];
      };
      const row = overview.queues.find((q) => q.queue === 'big');
      if (
        overview.queues.length !== queues ||
        row?.counts.waiting !== bigJobs ||
        row.counts.failed !== failedJobs
      )
        throw new Error(
          `overview shows ${overview.queues.length} queues, big ${JSON.stringify(row?.counts)}`,
        );

      const deep = await cursorAfter(`${dashboard}/queues/big/jobs?state=failed`, 3);
      const times = {
        overview_ms: await serverTimes(`${dashboard}/`),
        queue_page_ms: await serverTimes(`${dashboard}/queues/big?state=failed`),
        waiting_page_ms: await serverTimes(`${dashboard}/queues/big?state=waiting`),
        deep_failed_page_ms: await serverTimes(
          `${dashboard}/queues/big/jobs?state=failed&cursor=${encodeURIComponent(deep)}`,
        ),
        workers_page_ms: await serverTimes(`${dashboard}/workers`),
      };
      const board = await wallTimes(`${dashboard}/board/api/queues`);
      const idle = await commandsPerTick(redis, dashboard, 0);
      const one = await commandsPerTick(redis, dashboard, 1);
      const twenty = await commandsPerTick(redis, dashboard, 20);
      const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
      return {
        jobq: Math.max(...Object.values(medians)),
        baseline: median(board),
        extra: {
          ...medians,
          overview_p90_ms: percentile(times.overview_ms, 90),
          redis_cmds_per_tick_1_page: one - idle,
          redis_cmds_per_tick_20_pages: twenty - idle,
        },
      };
    } finally {
      await redis.flushdb('SYNC');
      redis.disconnect();
      await connections.onApplicationShutdown();
      await ctx.cleanup();
    }
  },
};

/** Adds `count` small jobs, 2,000 per `addBulk`, four batches in flight. */
async function addJobs(
  queue: Queue,
  count: number,
  opts: { attempts?: number } = {},
): Promise<void> {
  let added = 0;
  const lane = async () => {
    while (added < count) {
      const n = Math.min(2000, count - added);
      added += n;
      await queue.addBulk(
        Array.from({ length: n }, (_, i) => ({ name: 'default', data: { i }, opts })),
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
}

/** Fails every waiting job of `queue` with a bare BullMQ worker, until `count` have failed. */
async function failAll(queue: Queue, url: string, prefix: string, count: number): Promise<void> {
  const worker = new Worker(
    queue.name,
    async () => {
      throw new Error('bench failure');
    },
    { connection: { url }, prefix, concurrency: 200 },
  );
  try {
    while ((await queue.getJobCountByTypes('failed')) < count)
      await new Promise((r) => setTimeout(r, 200));
  } finally {
    await worker.close();
  }
}

/** 200 workers' fleet records, as their heartbeats write them. */
async function beatWorkers(fleet: FleetStore): Promise<void> {
  const now = Date.now();
  await Promise.all(
    Array.from({ length: WORKERS }, (_, i) =>
      fleet.beat(
        {
          worker_id: `bench-worker-${i}`,
          kind: 'process',
          host: 'bench-host',
          pid: 1000 + i,
          queues: [`q${i % 50}`],
          concurrency: 10,
          started_at: now,
          processed: i,
          failed: 0,
          active: 1,
          current_jobs: ['1'],
          busy_ms: 10,
          utilization: 0.1,
          idle_since: null,
          rss_bytes: 1e8,
          heap_bytes: 5e7,
          version: 'bench',
          heartbeat_ms: 60_000,
        },
        new Map(),
        [`q${i % 50}`],
      ),
    ),
  );
}

/** The `cursor` of the `pages`-th page of a job list fragment. */
async function cursorAfter(url: string, pages: number): Promise<string> {
  let cursor = '';
  for (let i = 0; i < pages; i++) {
    const html = await (
      await fetch(cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url)
    ).text();
    const next = /hx-get="[^"]*[?&;]cursor=([^"&]+)"[^>]*rel="next"/.exec(html);
    if (!next) throw new Error(`no next page after page ${i + 1}`);
    cursor = decodeURIComponent(next[1]);
  }
  return cursor;
}

/** Server time (`Server-Timing: app;dur=`) of one warm-up and then {@link RENDERS} GETs of `url`. */
async function serverTimes(url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i <= RENDERS; i++) {
    const res = await fetch(url);
    await res.text();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const dur = /app;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '');
    if (!dur) throw new Error(`${url} sent no Server-Timing`);
    if (i > 0) times.push(Number(dur[1]));
  }
  return times;
}

/** Wall time of one warm-up and then {@link RENDERS} sequential GETs of `url`, each read to its end. */
async function wallTimes(url: string): Promise<number[]> {
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

/** Redis commands per live tick (whole server, from `INFO stats`) with `pages` open overview pages. */
async function commandsPerTick(redis: Redis, dashboard: string, pages: number): Promise<number> {
  const controllers = Array.from({ length: pages }, () => new AbortController());
  const streams = await Promise.all(
    controllers.map((c) => fetch(`${dashboard}/live/overview`, { signal: c.signal })),
  );
  const readers = streams.map((s) => s.body!.pipeTo(new WritableStream()).catch(() => undefined));
  try {
    await new Promise((r) => setTimeout(r, TICK_MS));
    const ticks = 5;
    const before = await processed(redis);
    await new Promise((r) => setTimeout(r, TICK_MS * ticks));
    return Math.round(((await processed(redis)) - before - 1) / ticks);
  } finally {
    controllers.forEach((c) => c.abort());
    await Promise.all(readers);
  }
}

async function processed(redis: Redis): Promise<number> {
  const info = await redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
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
