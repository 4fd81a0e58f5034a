import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  createLogger,
  FleetStore,
  JobqConfig,
  loadConfig,
  PolicyStore,
  QueueCoreModule,
  QueueRegistry,
} from '@jobq/queue-core';
import { Job, Queue } from 'bullmq';
import { spawnApp, SpawnedProcess } from '../helpers/apps';
import { testEnv } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';

/** Settings that let the stalled check hand a dead worker's job to another within seconds. */
export const FAST_STALL = { WORKER_LOCK_MS: '1000', WORKER_STALLED_INTERVAL_MS: '500' };

/**
 * A private key prefix with the queue-core services in-process (policy store, a plain BullMQ
 * `Queue` on `demo`) and worker processes from `dist/` against the same prefix.
 */
export class WorkerFixture {
  readonly workers: SpawnedProcess[] = [];

  private constructor(
    readonly env: Record<string, string>,
    readonly config: JobqConfig,
    private readonly core: INestApplicationContext,
  ) {}

  static async create(overrides: Record<string, string> = {}): Promise<WorkerFixture> {
    const env = testEnv({ LOG_LEVEL: 'info', ...overrides });
    const config = loadConfig(env);
    const logger = createLogger('test', 'silent');
    const core = await NestFactory.createApplicationContext(
      QueueCoreModule.forRoot({ role: 'tool', config, logger }),
      { logger: false },
    );
    return new WorkerFixture(env, config, core);
  }

  get policies(): PolicyStore {
    return this.core.get(PolicyStore);
  }

  get fleet(): FleetStore {
    return this.core.get(FleetStore);
  }

  get registry(): QueueRegistry {
    return this.core.get(QueueRegistry);
  }

  /** The plain BullMQ `Queue` of the example handlers. */
  get demo(): Queue {
    return this.registry.queue('demo');
  }

  /** Spawns a worker process and waits for its `worker ready` line. */
  async spawnWorker(env: Record<string, string> = {}): Promise<SpawnedProcess> {
    const worker = spawnApp('worker', { ...this.env, ...env });
    this.workers.push(worker);
    await worker.waitForLine(/"msg":"worker ready"/, 30_000);
    return worker;
  }

  /** Waits until job `id` is completed or failed; returns it. */
  async settled(id: string, timeoutMs = 15_000): Promise<Job> {
    return waitUntil(
      async () => {
        const state = await this.demo.getJobState(id);
        return state === 'completed' || state === 'failed' ? this.demo.getJob(id) : undefined;
      },
      `job ${id} to finish`,
      { timeoutMs },
    );
  }

  /** Waits until job `id` is running. */
  async active(id: string): Promise<void> {
    await waitUntil(async () => (await this.demo.getJobState(id)) === 'active', `job ${id} active`);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop('SIGKILL')));
    await this.demo.obliterate({ force: true }).catch(() => undefined);
    await this.core.close();
  }
}
