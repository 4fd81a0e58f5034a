import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { EmbeddedRedis } from '../scripts/lib/embedded-redis';
import { SpawnedProcess, spawnDist } from '../scripts/lib/spawned-process';
import { waitUntil } from '../scripts/lib/wait-until';
import { MemorySample, slopeMbPerHour } from './soak/memory-trend';
import { DEMO_QUEUE, TOPIC, Traffic, TrafficRates } from './soak/traffic';
import { percentile, round } from './lib/stats';

/**
 * `npm run soak [-- --minutes 10] [-- --share 0.5]`: the whole stack (its own redis-server with AOF,
 * the API, two workers, the dashboard) under a mixed load at `share` (half) of the HTTP enqueue rate
 * the benchmarks measured (bench/results/latest.json), split over enqueues, RPC, HTTP pull, bus
 * publishes and polls.
 * Prints progress every 30 s; at the end reports, per process and for Redis, the memory slope after
 * warm-up (MB/hour, least squares), the event-loop delay p99, errors and lost jobs, and writes
 * bench/results/soak.json.
 */
const SAMPLE_MS = 5000;
const REPORT_EVERY_MS = 30_000;
const ROOT = resolve(__dirname, '..', '..');
const PROBE = resolve(__dirname, 'soak', 'loop-probe.js');

/** What the soak reads of `GET /j/:queue`. */
interface QueueInfo {
  job_count: number;
  job_processed: number;
  job_failed: number;
  counts: { active: number };
}

/** What the loop probe of an app prints every sample. */
interface Probe {
  rss_bytes: number;
  heap_bytes: number;
  eld_p99_ms: number;
  eld_max_ms: number;
}

/** A process the soak watches, with what its probe printed. */
interface Watched {
  name: string;
  process: SpawnedProcess;
}

async function main(): Promise<void> {
  const minutes = Number(argument('--minutes') ?? 10);
  const durationMs = minutes * 60_000;
  const warmupMs = Math.min(120_000, durationMs / 5);
  const share = Number(argument('--share') ?? 0.5);
  const rates = ratesFromBench(share);
  log(
    `soak: ${minutes} min, ${share} of the benchmarked rate, warm-up ${warmupMs / 1000} s, rates/s ${JSON.stringify(rates)}`,
  );

  const redis = await EmbeddedRedis.start({ dataDir: mkdtempSync(join(tmpdir(), 'jobq-soak-')) });
  const env = {
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'soak',
    LOG_LEVEL: 'info',
    API_PORT: '0',
    DASHBOARD_PORT: '0',
    SOAK_PROBE_MS: String(SAMPLE_MS),
    NODE_OPTIONS: `--require ${PROBE}`,
  };
  const watched: Watched[] = [];
  const spawn = (name: string, main: string) => {
    const process = spawnDist(main, env);
    watched.push({ name, process });
    return process;
  };
  const admin = new Redis(redis.url);
  try {
    const api = await listening(spawn('api', 'apps/api/src/main.js'), 'api');
    const dashboard = await listening(
      spawn('dashboard', 'apps/dashboard/src/main.js'),
      'dashboard',
    );
    for (const name of ['worker-1', 'worker-2']) spawn(name, 'apps/worker/src/main.js');
    await Promise.all(
      watched.map((w) => w.process.waitForLine(/"msg":"(worker ready|\w+ listening)"/, 60_000)),
    );
    await putJson(`${api}/bus/${TOPIC}/settings`, { max_len: 10_000 });

    const redisMemory: MemorySample[] = [];
    const started = Date.now();
    const traffic = new Traffic(api, dashboard);
    traffic.start(rates);
    while (Date.now() - started < durationMs) {
      await sleep(SAMPLE_MS);
      const info = await admin.info('memory');
      redisMemory.push({
        at: Date.now() - started,
        bytes: Number(/used_memory_rss:(\d+)/.exec(info)![1]),
      });
      if ((Date.now() - started) % REPORT_EVERY_MS < SAMPLE_MS)
        progress(started, traffic, watched, redisMemory);
    }
    await traffic.stop();
    await traffic.drain();
    const lost = await lostJobs(api, traffic);
    const result = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version },
      minutes,
      share,
      warmup_s: warmupMs / 1000,
      rates_per_s: rates,
      achieved_per_s: Object.fromEntries(
        Object.entries(traffic.tally.sent).map(([k, n]) => [k, round(n / (durationMs / 1000))]),
      ),
      errors: traffic.tally.errors,
      error_count: Object.values(traffic.tally.errors).reduce((a, b) => a + b, 0),
      error_log_lines: Object.fromEntries(watched.map((w) => [w.name, errorLines(w)])),
      behind_ticks: traffic.tally.behind,
      jobs_lost: lost,
      bus_messages_missed: traffic.tally.busGaps,
      processes: Object.fromEntries(watched.map((w) => [w.name, summary(w, warmupMs)])),
      redis: {
        rss_mb_start: mb(redisMemory[0]?.bytes),
        rss_mb_end: mb(redisMemory.at(-1)?.bytes),
        slope_mb_per_h: round(slopeMbPerHour(redisMemory, warmupMs)),
      },
    };
    const file = join(ROOT, 'bench', 'results', 'soak.json');
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(JSON.stringify(result, null, 2));
    log(`written to ${file}`);
  } finally {
    admin.disconnect();
    await Promise.all(watched.map((w) => w.process.stop('SIGTERM')));
    await redis.stop();
  }
}

/** `share` of the HTTP enqueue rate of the last full benchmark run, split over the kinds of load. */
function ratesFromBench(share: number): TrafficRates {
  const file = join(ROOT, 'bench', 'results', 'latest.json');
  const measured = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')).scenarios as { name: string; jobq: number }[]).find(
        (s) => s.name.startsWith('HTTP enqueue'),
      )?.jobq
    : undefined;
  const budget = (measured ?? 4000) * share;
  return {
    enqueue: Math.round(budget * 0.4),
    publish: Math.round(budget * 0.3),
    pull: Math.round(budget * 0.15),
    rpc: Math.round(budget * 0.05),
  };
}

/** Jobs answered 201 that never completed, once the queues have drained. */
async function lostJobs(api: string, traffic: Traffic): Promise<{ demo: number; pull: number }> {
  const demo = await waitUntil(
    async () => {
      const res = await fetch(`${api}/j/${DEMO_QUEUE}`);
      const body = (await res.json()) as QueueInfo;
      return res.ok && body.job_count === 0 && !body.counts.active ? body : undefined;
    },
    'the demo queue to drain',
    { timeoutMs: 120_000, intervalMs: 500 },
  );
  const { tally } = traffic;
  return {
    demo: tally.demoJobs - demo.job_processed - demo.job_failed,
    pull: tally.pullEnqueued - tally.pullCompleted,
  };
}

function summary(watched: Watched, warmupMs: number) {
  const probes = probesOf(watched);
  const at = (i: number) => (i + 1) * SAMPLE_MS;
  const samples = probes.map((p, i) => ({ at: at(i), bytes: p.rss_bytes }));
  const heap = probes.map((p, i) => ({ at: at(i), bytes: p.heap_bytes }));
  const p99s = probes.map((p) => p.eld_p99_ms);
  return {
    rss_mb_start: mb(samples[0]?.bytes),
    rss_mb_end: mb(samples.at(-1)?.bytes),
    slope_mb_per_h: round(slopeMbPerHour(samples, warmupMs)),
    heap_mb_end: mb(heap.at(-1)?.bytes),
    heap_slope_mb_per_h: round(slopeMbPerHour(heap, warmupMs)),
    eld_p99_ms_median: round(percentile(p99s, 50)),
    eld_p99_ms_worst: round(Math.max(0, ...p99s)),
    eld_max_ms: round(Math.max(0, ...probes.map((p) => p.eld_max_ms))),
  };
}

/** The probe lines the process printed, in order (a line cut by a pipe chunk is skipped). */
function probesOf(watched: Watched): Probe[] {
  return watched.process.lines.flatMap((line) => {
    if (!line.startsWith('{"soak_probe"')) return [];
    try {
      return [(JSON.parse(line) as { soak_probe: Probe }).soak_probe];
    } catch {
      return [];
    }
  });
}

function progress(started: number, traffic: Traffic, watched: Watched[], redis: MemorySample[]) {
  const elapsed = Math.round((Date.now() - started) / 1000);
  const rss = watched.map((w) => `${w.name} ${mb(probesOf(w).at(-1)?.rss_bytes)} MB`);
  const errors = Object.values(traffic.tally.errors).reduce((a, b) => a + b, 0);
  log(
    `[${elapsed} s] sent ${JSON.stringify(traffic.tally.sent)} errors ${errors} | ${rss.join(', ')} | redis ${mb(redis.at(-1)?.bytes)} MB`,
  );
}

function errorLines(watched: Watched): number {
  return watched.process.lines.filter((l) => /"level":(50|60)/.test(l)).length;
}

async function listening(process: SpawnedProcess, app: string): Promise<string> {
  const line = await process.waitForLine(new RegExp(`"msg":"${app} listening"`), 60_000);
  return (JSON.parse(line) as { url: string }).url;
}

async function putJson(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`PUT ${url}: ${res.status} ${await res.text()}`);
}

function argument(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`${name}=`))?.split('=')[1];
}

function mb(bytes: number | undefined): number {
  return bytes === undefined ? 0 : round(bytes / 1e6);
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`soak failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
