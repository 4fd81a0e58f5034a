import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DynamicModule } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp, createLogger, JobqConfig } from '@jobq/queue-core';
import type { Logger } from 'pino';
import { ApiModule } from '../../apps/api/src/api.module';
import { DashboardModule } from '../../apps/dashboard/src/dashboard.module';
import { testConfig } from './test-env';
import { waitUntil } from './wait-until';

/** An HTTP app running inside the test process. */
export interface RunningHttpApp {
  app: NestFastifyApplication;
  url: string;
  config: JobqConfig;
  close(): Promise<void>;
}

type RootModule = { forRoot(config: JobqConfig, logger: Logger): DynamicModule };

async function startHttp(
  name: string,
  root: RootModule,
  config: JobqConfig,
): Promise<RunningHttpApp> {
  const logger = createLogger(name, config.LOG_LEVEL);
  const app = await createHttpApp({ module: root.forRoot(config, logger), logger });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, config, close: () => app.close() };
}

/** Boots the real API in-process on a free port against the harness Redis. */
export function startApi(config: JobqConfig = testConfig()): Promise<RunningHttpApp> {
  return startHttp('api', ApiModule, config);
}

/** Boots the real dashboard in-process on a free port against the harness Redis. */
export function startDashboard(config: JobqConfig = testConfig()): Promise<RunningHttpApp> {
  return startHttp('dashboard', DashboardModule, config);
}

/** An app (or script) running as its own process from the compiled build (`npm run build`). */
export class SpawnedProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(readonly child: ChildProcess) {
    const collect = (chunk: Buffer) =>
      this.lines.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Waits until a line of output matches `pattern`; returns it. */
  waitForLine(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    return waitUntil(() => this.lines.find((l) => pattern.test(l)), `output matching ${pattern}`, {
      timeoutMs,
    });
  }

  /** Sends `signal` and waits for the exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/** Runs `dist/<path>` (compiled by `npm run build`, which `npm test` runs first) with `env`. */
export function spawnDist(path: string, env: Record<string, string>): SpawnedProcess {
  const child = spawn(process.execPath, [resolve(__dirname, '..', '..', 'dist', path)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new SpawnedProcess(child);
}

/** Runs one app (`api`, `worker`, `dashboard`) as a separate process. */
export function spawnApp(
  app: 'api' | 'worker' | 'dashboard',
  env: Record<string, string>,
): SpawnedProcess {
  return spawnDist(`apps/${app}/src/main.js`, env);
}
