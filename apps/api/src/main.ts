import 'reflect-metadata';
import { createHttpApp } from '@jobq/http';
import { createLogger, loadConfigOrExit, RedisCheck } from '@jobq/queue-core';
import { ApiModule } from './api.module';
import { setupOpenApi } from './open-api';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger('api', config.LOG_LEVEL);
  const app = await createHttpApp({ module: ApiModule.forRoot(config, logger), logger });
  setupOpenApi(app);
  await app.get(RedisCheck).checkAtBoot();
  await app.listen({ port: config.API_PORT, host: config.API_HOST });
  logger.info({ url: await app.getUrl() }, 'api listening');
}

void bootstrap();
