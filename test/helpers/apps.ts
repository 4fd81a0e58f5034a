import { DynamicModule } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '@jobq/http';
import { createLogger, JobqConfig } from '@jobq/queue-core';
import type { Logger } from 'pino';
import { ApiModule } from '../../apps/api/src/api.module';
import { prepareApi } from '../../apps/api/src/prepare-api';
import { prepareDashboard } from '../../apps/dashboard/src/dashboard-setup';
import { DashboardModule } from '../../apps/dashboard/src/dashboard.module';
import { testConfig } from './test-env';
import { SpawnedProcess, spawnDist } from '../../scripts/lib/spawned-process';

export { SpawnedProcess, spawnDist };

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
  prepare?: (app: NestFastifyApplication) => void | Promise<void>,
): Promise<RunningHttpApp> {
  const logger = createLogger(name, config.LOG_LEVEL);
  const app = await createHttpApp({ module: root.forRoot(config, logger), logger });
  await prepare?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, config, close: () => app.close() };
}

/** Boots the real API in-process on a free port against the harness Redis. */
export function startApi(config: JobqConfig = testConfig()): Promise<RunningHttpApp> {
  return startHttp('api', ApiModule, config, (app) => prepareApi(app, config));
}

/** Boots the real dashboard in-process on a free port against the harness Redis. */
export function startDashboard(config: JobqConfig = testConfig()): Promise<RunningHttpApp> {
  return startHttp('dashboard', DashboardModule, config, prepareDashboard);
}

/** Runs one app (`api`, `worker`, `dashboard`) as a separate process. */
export function spawnApp(
  app: 'api' | 'worker' | 'dashboard',
  env: Record<string, string>,
): SpawnedProcess {
  return spawnDist(`apps/${app}/src/main.js`, env);
}
