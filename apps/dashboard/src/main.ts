import 'reflect-metadata';
import { createHttpApp } from '@jobq/http';
import { createLogger, loadConfigOrExit, RedisCheck } from '@jobq/queue-core';
import { DashboardModule } from './dashboard.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger('dashboard', config.LOG_LEVEL);
  const app = await createHttpApp({ module: DashboardModule.forRoot(config, logger), logger });
  await app.get(RedisCheck).checkAtBoot();
  await app.listen({ port: config.DASHBOARD_PORT, host: config.DASHBOARD_HOST });
  logger.info({ url: await app.getUrl() }, 'dashboard listening');
}

void bootstrap();
