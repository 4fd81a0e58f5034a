import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { LOGGER, PinoNestLogger } from '@jobq/queue-core';
import { JobqExceptionFilter } from './jobq-exception.filter';
import { JobqValidationPipe } from './jobq-validation.pipe';

/** What {@link createHttpApp} needs. */
export interface HttpAppOptions {
  module: DynamicModule;
  logger: Logger;
  /** Largest request body accepted, in bytes (413 beyond). @defaultValue 1 MiB + 64 KiB */
  bodyLimit?: number;
}

/**
 * Builds a Nest app on Fastify the way every jobq HTTP app runs: pino logging, the global
 * validation pipe, the one exception filter, shutdown hooks. The caller listens.
 */
export async function createHttpApp({
  module,
  logger,
  bodyLimit,
}: HttpAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: bodyLimit ?? 1024 * 1024 + 64 * 1024,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 256 },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.useGlobalPipes(new JobqValidationPipe());
  app.useGlobalFilters(new JobqExceptionFilter(app.get(LOGGER)));
  app.enableShutdownHooks();
  return app;
}
