import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { LOGGER, PinoNestLogger } from '@jobq/queue-core';
import { boundedJsonParser } from './bounded-json.parser';
import { answerClientError } from './client-error.handler';
import { JobqExceptionFilter } from './jobq-exception.filter';
import { JobqValidationPipe } from './jobq-validation.pipe';
import { refuseRepeatedHeaders } from './single-headers.hook';

/**
 * Longest path parameter routed: as long as Node lets a request line be, so that an overlong name
 * reaches validation and is refused with the naming rule rather than by the router.
 */
const MAX_PARAM_LENGTH = 16 * 1024;

/** What {@link createHttpApp} needs. */
export interface HttpAppOptions {
  module: DynamicModule;
  logger: Logger;
  /** Largest request body accepted, in bytes (413 beyond). @defaultValue 1 MiB + 64 KiB */
  bodyLimit?: number;
}

/**
 * Builds a Nest app on Fastify the way every jobq HTTP app runs: pino logging, the global
 * validation pipe, the one exception filter, shutdown hooks, JSON bodies bounded in size and depth,
 * repeated single headers refused, and jobq error bodies even for requests Node's parser refuses.
 * The caller listens.
 */
export async function createHttpApp({
  module,
  logger,
  bodyLimit,
}: HttpAppOptions): Promise<NestFastifyApplication> {
  const limit = bodyLimit ?? 1024 * 1024 + 64 * 1024;
  const adapter = new FastifyAdapter({
    bodyLimit: limit,
    return503OnClosing: true,
    clientErrorHandler: answerClientError,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const fastify = adapter.getInstance();
  app.useBodyParser('application/json', { bodyLimit: limit }, boundedJsonParser(fastify));
  fastify.addHook('onRequest', refuseRepeatedHeaders);
  app.useGlobalPipes(new JobqValidationPipe());
  app.useGlobalFilters(new JobqExceptionFilter(app.get(LOGGER)));
  app.enableShutdownHooks();
  return app;
}
