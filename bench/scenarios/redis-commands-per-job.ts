import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_POLICY, toRetention } from '@jobq/queue-core';
import { EmbeddedRedis, freePort } from '../../scripts/lib/embedded-redis';
import { waitUntil } from '../../scripts/lib/wait-until';
import { BenchContext } from '../lib/bench-context';
import { BENCH_API_KEYS, BENCH_AUTH, BENCH_SECRET } from '../lib/bench-key';
import { RedisWork, snapshot, TracedProcess, workPer } from '../lib/redis-snapshot';
import { traceEnv } from '../lib/redis-trace';
import type { Scenario } from '../lib/scenario';
import { round } from '../lib/stats';

const CLIENTS = 16;
const CONCURRENCY = 10;
const WARM_UP = 50;
const IDLE_S = 10;
/** Wait before the idle window: past the worker's next beat (every 5 s), which carries the warm-up's timings. */
const SETTLE_S = 6;
/** Jobs/s of the `trickle` phase: well below what either side can enqueue or process. */
const TRICKLE_RATE = 500;

/**
 * One side's Redis work: per second with nothing to do (`idle`); per job enqueued into the paused
 * queue (`enqueue`) and drained once resumed (`process`); per job arriving at
 * {@link TRICKLE_RATE} while the worker runs (`trickle`: most find the queue empty, so the worker
 * fetches each on its own instead of with the previous job's `moveToFinished`).
 */
interface SideWork {
  idle: RedisWork;
  enqueue: RedisWork;
  process: RedisWork;
  trickle: RedisWork;
}

/**
 * Redis commands and round trips per job, enqueued over HTTP (16 clients, API key on) and
 * processed by a worker at concurrency 10: jobq's API and worker app against a Fastify server
 * doing `Queue.add` and a bare BullMQ `Worker` with jobq's default retention (so both trim the
 * same). Each side runs on a redis-server of its own. The number compared is enqueue + process with
 * the queue paused while the jobs are enqueued and resumed to drain them, so every run has the same
 * arrival pattern (a full queue, where each `moveToFinished` fetches the next job): a count the
 * machine's speed does not move. Jobs sent as fast as the clients go would make it depend on which
 * API answers faster (the slower one leaves the worker an empty queue more often); the `trickle`
 * phase paces them instead. Commands are the server's `INFO commandstats` (Lua's own calls
 * included, the bench's own polls left out); round trips are counted in each process
 * (`bench/lib/redis-trace.ts`). The breakdown by command (see {@link SideWork}) goes to
 * `bench/results/redis-commands-per-job.json`.
 */
export const redisCommandsPerJob: Scenario = {
  name: 'Redis commands per job, HTTP enqueue + worker',
  unit: 'commands/job',
  // No command per job beyond BullMQ's own: what is left is timers (heartbeat, policy re-read).
  goal: 'jobq - baseline <= 0.05',
  higherIsBetter: false,
  meets: (m) => m.baseline !== null && m.jobq - m.baseline <= 0.05,
  async run(ctx) {
    const jobs = ctx.size(2_000, 300);
    const { baseline, jobq } = await ctx.pair(
      () => measure(ctx, jobs, 'baseline'),
      () => measure(ctx, jobs, 'jobq'),
    );
    if (!ctx.quick) writeBreakdown({ jobs, jobq, baseline });
    return {
      jobq: perJob(jobq, 'commands'),
      baseline: perJob(baseline, 'commands'),
      extra: {
        jobq_round_trips: perJob(jobq, 'roundTrips'),
        baseline_round_trips: perJob(baseline, 'roundTrips'),
        jobq_trickle_commands: jobq.trickle.commands,
        baseline_trickle_commands: baseline.trickle.commands,
        jobq_idle_commands_per_s: jobq.idle.commands,
        baseline_idle_commands_per_s: baseline.idle.commands,
        jobq_waiting_bytes: jobq.enqueue.memoryBytes,
        baseline_waiting_bytes: baseline.enqueue.memoryBytes,
      },
    };
  },
};

async function measure(
  parent: BenchContext,
  jobs: number,
  side: 'jobq' | 'baseline',
): Promise<SideWork> {
  const dir = mkdtempSync(join(tmpdir(), 'jobq-bench-'));
  const redis = await EmbeddedRedis.start({ dataDir: join(dir, 'redis'), appendOnly: false });
  const ctx = new BenchContext(redis.url, parent.quick, parent.run);
  const processes: TracedProcess[] = ['api', 'worker'].map((name) => ({
    name,
    socket: join(dir, `${name}.sock`),
  }));
  const [api, worker] = processes.map((p) => traceEnv(p.socket));
  const admin = ctx.redis();
  try {
    const prefix = ctx.prefix();
    const url =
      side === 'jobq'
        ? await startJobq(ctx, prefix, api, worker)
        : await startBaseline(ctx, prefix, api, worker);
    const queue = ctx.queue('demo', prefix);
    const completed = `${prefix}:demo:metrics:completed`;
    const done = async (count: number) => {
      let polls = 0;
      await waitUntil(
        async () => (polls++, Number(await admin.hget(completed, 'count')) >= count),
        `${count} completed jobs`,
        { timeoutMs: 300_000, intervalMs: 50 },
      );
      return { hget: polls };
    };
    const take = () => snapshot(admin, processes);

    await enqueue(url, WARM_UP);
    await done(WARM_UP);
    await sleep(SETTLE_S * 1000);
    const quiet = await take();
    await sleep(IDLE_S * 1000);
    const idle = workPer(quiet, await take(), IDLE_S);

    await queue.pause();
    const paused = await take();
    await enqueue(url, jobs);
    const enqueued = await take();
    await queue.resume();
    const drained = await done(WARM_UP + jobs);
    const processed = await take();

    await enqueue(url, jobs, TRICKLE_RATE);
    const trickled = await done(WARM_UP + 2 * jobs);
    return {
      idle,
      enqueue: workPer(paused, enqueued, jobs),
      process: workPer(enqueued, processed, jobs, drained),
      trickle: workPer(processed, await take(), jobs, trickled),
    };
  } finally {
    admin.disconnect();
    await ctx.cleanup();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Enqueue plus processing, the queue paused then drained. */
function perJob(work: SideWork, what: 'commands' | 'roundTrips'): number {
  return work.enqueue[what] + work.process[what];
}

/** Starts jobq's API and worker app; resolves the enqueue URL. */
async function startJobq(
  ctx: BenchContext,
  prefix: string,
  apiEnv: Record<string, string>,
  workerEnv: Record<string, string>,
): Promise<string> {
  const port = await freePort();
  await ctx.spawn(
    'apps/api/src/main.js',
    {
      QUEUE_PREFIX: prefix,
      API_PORT: String(port),
      API_KEYS: BENCH_API_KEYS,
      LOG_LEVEL: 'info',
      ...apiEnv,
    },
    /api listening/,
  );
  await ctx.startWorker(prefix, CONCURRENCY, workerEnv);
  return `http://127.0.0.1:${port}/q/demo?name=echo`;
}

/** Starts the Fastify + `Queue.add` server and a bare BullMQ Worker; resolves the enqueue URL. */
async function startBaseline(
  ctx: BenchContext,
  prefix: string,
  apiEnv: Record<string, string>,
  workerEnv: Record<string, string>,
): Promise<string> {
  const port = await freePort();
  await ctx.spawn(
    'bench/baselines/fastify-enqueue.js',
    { QUEUE_PREFIX: prefix, PORT: String(port), BENCH_KEY: BENCH_SECRET, ...apiEnv },
    /baseline server listening/,
  );
  await ctx.startBaselineWorker(prefix, CONCURRENCY, {
    RETENTION: JSON.stringify(toRetention(DEFAULT_POLICY)),
    ...workerEnv,
  });
  return `http://127.0.0.1:${port}/q/demo`;
}

/**
 * POSTs `count` jobs to `url` from {@link CLIENTS} clients, one request at a time each; at most
 * `rate` jobs/s (job `i` leaves no earlier than `i / rate` s after the first).
 */
async function enqueue(url: string, count: number, rate = Infinity): Promise<void> {
  const started = performance.now();
  let next = 0;
  const client = async () => {
    while (next < count) {
      const i = next++;
      const early = started + (i * 1000) / rate - performance.now();
      if (early > 0) await sleep(early);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...BENCH_AUTH },
        body: JSON.stringify({ i }),
      });
      if (res.status !== 201) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
}

function writeBreakdown(report: { jobs: number; jobq: SideWork; baseline: SideWork }): void {
  const dir = resolve(__dirname, '..', '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const rounded = JSON.parse(JSON.stringify(report), (_k, v: unknown) =>
    typeof v === 'number' ? round(v) : v,
  ) as typeof report;
  writeFileSync(
    join(dir, 'redis-commands-per-job.json'),
    `${JSON.stringify({ date: new Date().toISOString(), ...rounded }, null, 2)}\n`,
  );
}
