import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { EmbeddedRedis, freePort } from '../../scripts/lib/embedded-redis';
import { spawnApp, spawnDist, SpawnedProcess } from '../helpers/apps';
import { testEnv } from '../helpers/test-env';

/** An HTTP app running as its own process, with the URL from its `listening` line. */
export interface SpawnedHttpApp {
  process: SpawnedProcess;
  url: string;
}

/**
 * A redis-server of the test's own (on one port for its whole life, so it can be stopped and
 * started again with its data, like a restarted Redis) and the app processes pointed at it.
 * `close()` kills them all.
 */
export class FaultStack {
  readonly processes: SpawnedProcess[] = [];
  readonly env: Record<string, string>;
  private redis?: EmbeddedRedis;
  private admins: Redis[] = [];
  private queues: Queue[] = [];

  private constructor(
    private readonly port: number,
    private readonly dataDir: string,
    private readonly appendOnly: boolean,
    env: Record<string, string>,
  ) {
    this.env = testEnv({ REDIS_URL: `redis://127.0.0.1:${port}`, LOG_LEVEL: 'info', ...env });
  }

  /** Starts the stack's redis-server; `appendOnly` as the embedded default has it (`everysec`). */
  static async start({
    appendOnly = false,
    env = {},
  }: { appendOnly?: boolean; env?: Record<string, string> } = {}): Promise<FaultStack> {
    const dataDir = mkdtempSync(join(tmpdir(), 'jobq-fault-'));
    const stack = new FaultStack(await freePort(), dataDir, appendOnly, env);
    await stack.startRedis();
    return stack;
  }

  get redisUrl(): string {
    return this.env.REDIS_URL;
  }

  get prefix(): string {
    return this.env.QUEUE_PREFIX;
  }

  /** Starts redis-server on the stack's port with its data folder (again, after a stop). */
  async startRedis(): Promise<void> {
    this.redis = await EmbeddedRedis.start({
      dataDir: this.dataDir,
      port: this.port,
      appendOnly: this.appendOnly,
    });
  }

  /** Stops redis-server cleanly (SIGTERM: the AOF is flushed). */
  async stopRedis(): Promise<void> {
    await this.redis?.stop();
  }

  /** Kills redis-server (SIGKILL: whatever was not yet fsynced is lost). */
  async killRedis(): Promise<void> {
    if (!this.redis?.pid) return;
    process.kill(this.redis.pid, 'SIGKILL');
    await this.redis.stop();
  }

  /** A plain client of the stack's Redis for the test's own reads, closed with the stack. */
  admin(): Redis {
    const admin = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
    admin.on('error', () => undefined);
    this.admins.push(admin);
    return admin;
  }

  /** A BullMQ `Queue` on the stack's prefix, for the test to add and inspect jobs. */
  queue(name: string): Queue {
    const queue = new Queue(name, { connection: this.admin(), prefix: this.prefix });
    queue.on('error', () => undefined);
    this.queues.push(queue);
    return queue;
  }

  /** Spawns the API and waits for its `api listening` line. */
  spawnApi(env: Record<string, string> = {}): Promise<SpawnedHttpApp> {
    return this.spawnHttp('api', env);
  }

  /** Spawns the dashboard and waits for its `dashboard listening` line. */
  spawnDashboard(env: Record<string, string> = {}): Promise<SpawnedHttpApp> {
    return this.spawnHttp('dashboard', env);
  }

  /** Spawns a worker app (the demo worker, or a fixture's `dist/` path) and waits until it is ready. */
  async spawnWorker(
    env: Record<string, string> = {},
    main = 'apps/worker/src/main.js',
  ): Promise<SpawnedProcess> {
    const worker = this.track(spawnDist(main, { ...this.env, ...env }));
    await worker.waitForLine(/"msg":"worker ready"/, 60_000);
    return worker;
  }

  private async spawnHttp(
    app: 'api' | 'dashboard',
    env: Record<string, string>,
  ): Promise<SpawnedHttpApp> {
    const process = this.track(spawnApp(app, { ...this.env, ...env }));
    const line = await process.waitForLine(new RegExp(`"msg":"${app} listening"`), 60_000);
    return { process, url: (JSON.parse(line) as { url: string }).url };
  }

  private track(process: SpawnedProcess): SpawnedProcess {
    this.processes.push(process);
    return process;
  }

  async close(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop('SIGKILL')));
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
    for (const admin of this.admins) admin.disconnect();
    await this.redis?.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
