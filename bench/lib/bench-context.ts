import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { freePort } from '@jobq/queue-core';
import { SpawnedProcess, spawnDist } from '../../scripts/lib/spawned-process';
import { waitUntil } from '../../scripts/lib/wait-until';

/**
 * What a scenario gets: the private Redis, sizes scaled for `--quick`, and helpers to start jobq apps
 * and baseline servers as separate processes (so jobq and its baseline run alike).
 */
export class BenchContext {
  private readonly processes = new Set<SpawnedProcess>();
  private readonly queues = new Set<Queue>();

  constructor(
    readonly redisUrl: string,
    readonly quick: boolean,
  ) {}

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
  async startApi(prefix: string, env: Record<string, string> = {}): Promise<string> {
    const port = await freePort();
    await this.spawn(
      'apps/api/src/main.js',
      { QUEUE_PREFIX: prefix, API_PORT: String(port), LOG_LEVEL: 'info', ...env },
      /api listening/,
    );
    return `http://127.0.0.1:${port}`;
  }

  /** Waits until `queue` has `count` completed jobs; resolves the time that took. */
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
}
