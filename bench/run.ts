import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { EmbeddedRedis } from '../scripts/lib/embedded-redis';
import { BenchContext } from './lib/bench-context';
import { Measurement, Scenario } from './lib/scenario';
import { median, round } from './lib/stats';
import { batchEnqueue } from './scenarios/batch-enqueue';
import { beeQueuePeer } from './scenarios/bee-queue-peer';
import { busPublish } from './scenarios/bus-publish';
import { dashboardRender } from './scenarios/dashboard-render';
import { fleetHeartbeat } from './scenarios/fleet-heartbeat';
import { httpEnqueue } from './scenarios/http-enqueue';
import { longpollFanout } from './scenarios/longpoll-fanout';
import { memoryPerJob } from './scenarios/memory-per-job';
import { pickupLatency } from './scenarios/pickup-latency';
import { redisCommandsPerJob } from './scenarios/redis-commands-per-job';
import { workerThroughput } from './scenarios/worker-throughput';

/**
 * `npm run bench [-- --quick] [-- --only=<substring>]`: every scenario with its baseline in the same run, on one private
 * redis-server, 3 times each; prints a table and writes bench/results/latest.json (medians, and the
 * median of the per-run ratios). `--quick` runs each scenario once, on smaller sizes, and writes
 * bench/results/quick.json instead: a check that every scenario works, not a measurement.
 */
const SCENARIOS: Scenario[] = [
  workerThroughput,
  httpEnqueue,
  batchEnqueue,
  busPublish,
  longpollFanout,
  pickupLatency,
  dashboardRender,
  memoryPerJob,
  redisCommandsPerJob,
  beeQueuePeer,
  fleetHeartbeat,
];
const RUNS = 3;
const QUICK_RUNS = 1;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const chosen = SCENARIOS.filter((s) => !only || s.name.includes(only));
  const redis = await EmbeddedRedis.start({
    dataDir: mkdtempSync(join(tmpdir(), 'jobq-bench-')),
    appendOnly: false,
  });
  const results: ReturnType<typeof summarise>[] = [];
  try {
    for (const [index, scenario] of chosen.entries()) {
      const runs: Measurement[] = [];
      const times = quick ? QUICK_RUNS : RUNS;
      for (let run = 1; run <= times; run++) {
        log(`[${index + 1}/${chosen.length}] ${scenario.name} — run ${run}/${times}`);
        const ctx = new BenchContext(redis.url, quick, run);
        try {
          runs.push(await scenario.run(ctx));
        } finally {
          await ctx.cleanup();
        }
        const last = runs[runs.length - 1];
        log(
          `    jobq ${round(last.jobq)} ${scenario.unit}, baseline ${last.baseline === null ? '—' : round(last.baseline)}`,
        );
      }
      results.push(summarise(scenario, runs));
    }
  } finally {
    await redis.stop();
  }
  const dir = resolve(__dirname, '..', '..', 'bench', 'results');
  // A quick check never replaces the full report.
  const file = join(dir, quick ? 'quick.json' : 'latest.json');
  mkdirSync(dir, { recursive: true });
  // `--only` refreshes its scenarios in the last full report instead of replacing it.
  const kept =
    only && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')).scenarios as typeof results)
      : [];
  const merged = SCENARIOS.map(
    (s) => results.find((r) => r.name === s.name) ?? kept.find((r) => r.name === s.name),
  ).filter((r): r is (typeof results)[number] => r !== undefined);
  writeFileSync(
    file,
    `${JSON.stringify({ machine: machine(quick), scenarios: merged }, null, 2)}\n`,
  );
  process.stdout.write(`${table(results)}\nwritten: ${relative(process.cwd(), file)}\n`);
}

function summarise(scenario: Scenario, runs: Measurement[]) {
  const jobq = median(runs.map((r) => r.jobq));
  const baselines = runs.map((r) => r.baseline).filter((b): b is number => b !== null);
  const baseline = baselines.length ? median(baselines) : null;
  const extraKeys = Object.keys(runs[0]?.extra ?? {});
  const extra = Object.fromEntries(
    extraKeys.map((k) => [k, round(median(runs.map((r) => r.extra?.[k] ?? 0)))]),
  );
  const ratios = runs.flatMap((r) => (r.baseline ? [r.jobq / r.baseline] : []));
  const ratio = ratios.length ? median(ratios) : null;
  return {
    name: scenario.name,
    unit: scenario.unit,
    jobq: round(jobq),
    baseline: baseline === null ? null : round(baseline),
    ratio: ratio === null ? null : round(ratio),
    goal: scenario.goal,
    met: scenario.meets({ jobq, baseline, ratio }),
    extra,
    runs: runs.map((r) => ({
      jobq: round(r.jobq),
      baseline: r.baseline === null ? null : round(r.baseline),
      ...r.extra,
    })),
  };
}

function table(rows: ReturnType<typeof summarise>[]): string {
  const lines = [
    '| scenario | unit | jobq | baseline | ratio | goal | met |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.unit} | ${r.jobq} | ${r.baseline ?? '—'} | ${r.ratio ?? '—'} | ${r.goal} | ${r.met ? 'yes' : 'NO'} |`,
    ),
  ];
  return lines.join('\n');
}

function machine(quick: boolean) {
  return {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memory_gib: round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    quick,
    date: new Date().toISOString(),
  };
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`bench failed: ${err.stack ?? err.message}\n`);
  process.exit(1);
});
