import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { freePort } from '../../scripts/lib/embedded-redis';
import { SpawnedProcess, spawnDist } from '../../scripts/lib/spawned-process';
import { waitUntil } from '../../scripts/lib/wait-until';

/**
 * What a scenario gets: the private Redis, sizes scaled for `--quick`, and helpers to start jobq apps
 * and baseline servers as separate processes (so jobq and its baseline run alike).
 */
export class BenchContext {
  private readonly processes = new Set<SpawnedProcess>();
  private readonly queues = new Set<Queue>();

  /**
   * @param run - which repetition this is (1-based); {@link pair} alternates its order by it.
   */
  constructor(
    readonly redisUrl: string,
    readonly quick: boolean,
    readonly run = 1,
  ) {}

  /**
   * Measures the baseline and jobq one after the other: the baseline first on odd runs, jobq
   * first on even ones, so a machine that speeds up or slows down during a run favours neither.
   */
  async pair<T>(
    baseline: () => Promise<T>,
    jobq: () => Promise<T>,
  ): Promise<{ baseline: T; jobq: T }> {
    if (this.run % 2 === 1) {
      const first = await baseline();
      return { baseline: first, jobq: await jobq() };
    }
    const first = await jobq();
    return { jobq: first, baseline: await baseline() };
  }

  /** `full` normally, `quick` under `--quick`. */
  size(full: number, quick: number): number {
    return this.quick ? quick : full;
  }

  /** A key prefix no other run uses. */
  prefix(): string {
    return `b${randomUUID().slice(0, 8)}`;
  }

  /** A plain BullMQ Queue on the bench Redis (closed by {@link cleanup}). */
  queue(name: string, prefix: string): Queue {
    const queue = new Queue(name, { connection: { url: this.redisUrl }, prefix });
    this.queues.add(queue);
    return queue;
  }

  /** A fresh client to the bench Redis; the caller disconnects it. */
  redis(): Redis {
    return new Redis(this.redisUrl);
  }

  /** Starts a compiled script (`dist/<path>`) and waits for `ready` in its output. */
  async spawn(path: string, env: Record<string, string>, ready: RegExp): Promise<SpawnedProcess> {
    const child = spawnDist(path, { REDIS_URL: this.redisUrl, LOG_LEVEL: 'warn', ...env });
    this.processes.add(child);
    try {
      await child.waitForLine(ready, 60_000);
    } catch (err) {
      throw new Error(
        `${path} did not start: ${(err as Error).message}\n${child.lines.slice(-20).join('\n')}`,
      );
    }
    return child;
  }

  /** Starts the jobq API on a free port; resolves its base URL. */
  startApi(prefix: string, env: Record<string, string> = {}): Promise<string> {
    return this.startHttpApp('apps/api/src/main.js', 'API_PORT', /api listening/, prefix, env);
  }

  /** Starts the jobq dashboard on a free port; resolves its base URL. */
  startDashboard(prefix: string, env: Record<string, string> = {}): Promise<string> {
    return this.startHttpApp(
      'apps/dashboard/src/main.js',
      'DASHBOARD_PORT',
      /dashboard listening/,
      prefix,
      env,
    );
  }

  /** Starts the jobq worker app on `demo` (its no-op `echo` handler) at `concurrency`. */
  startWorker(
    prefix: string,
    concurrency = 100,
    env: Record<string, string> = {},
  ): Promise<SpawnedProcess> {
    return this.spawn(
      'apps/worker/src/main.js',
      {
        QUEUE_PREFIX: prefix,
        WORKER_QUEUES: 'demo',
        WORKER_CONCURRENCY: String(concurrency),
        LOG_LEVEL: 'info',
        ...env,
      },
      /worker ready/,
    );
  }

  /** Starts the baseline: a bare BullMQ Worker with a no-op processor on `demo`. */
  startBaselineWorker(
    prefix: string,
    concurrency = 100,
    env: Record<string, string> = {},
  ): Promise<SpawnedProcess> {
    return this.spawn(
      'bench/baselines/bullmq-worker.js',
      { QUEUE_PREFIX: prefix, QUEUE: 'demo', CONCURRENCY: String(concurrency), ...env },
      /baseline worker ready/,
    );
  }

  /** Adds `count` `echo` jobs to `queue` in batches of 1,000 (kept once completed, to be counted). */
  async addEchoJobs(queue: Queue, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1000) {
      const size = Math.min(1000, count - i);
      await queue.addBulk(
        Array.from({ length: size }, (_, k) => ({
          name: 'echo',
          data: { i: i + k },
          opts: { removeOnComplete: false },
        })),
      );
    }
  }

  /** Waits until `queue` has `count` completed jobs. */
  async completed(queue: Queue, count: number, timeoutMs = 300_000): Promise<void> {
    await waitUntil(
      async () => (await queue.getJobCountByTypes('completed')) >= count,
      `${count} completed jobs`,
      {
        timeoutMs,
        intervalMs: 20,
      },
    );
  }

  /** Stops everything this context started. */
  async cleanup(): Promise<void> {
    await Promise.all([...this.processes].map((p) => p.stop('SIGTERM')));
    this.processes.clear();
    await Promise.all(
      [...this.queues].map(async (q) =>
        q
          .obliterate({ force: true })
          .catch(() => undefined)
          .then(() => q.close()),
      ),
    );
    this.queues.clear();
  }

  /** Starts a jobq HTTP app (`path` under dist) with its port variable set to a free port. */
  private async startHttpApp(
    path: string,
    portVariable: string,
    ready: RegExp,
    prefix: string,
    env: Record<string, string>,
  ): Promise<string> {
    const port = await freePort();
    await this.spawn(
      path,
      { QUEUE_PREFIX: prefix, [portVariable]: String(port), LOG_LEVEL: 'info', ...env },
      ready,
    );
    return `http://127.0.0.1:${port}`;
  }
}
