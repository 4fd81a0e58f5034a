import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createLogger,
  exitOnBootFailure,
  JobqConfig,
  loadConfigOrExit,
  RedisCheck,
  stopWithLauncher,
} from '@jobq/queue-core';
import type { Logger } from 'pino';
import { createHttpApp } from './create-http-app';
import { AccessConfig, applyLoopbackRule } from './loopback-rule';

/** What {@link runHttpApp} starts. */
export interface HttpAppLaunch {
  /** The app's name in every log line (`app`) and in its `listening` line. */
  name: string;
  /** The app's root module. */
  module(config: JobqConfig, logger: Logger): DynamicModule;
  /** Where it listens. */
  address(config: JobqConfig): { host: string; port: number };
  /** Who may call it; with nobody configured, it listens on loopback only (SPEC §8). */
  access(config: JobqConfig): AccessConfig;
  /** Anything to set up on the app before it registers its routes and listens (the API's key check, OpenAPI document). */
  prepare?(app: NestFastifyApplication, config: JobqConfig): void | Promise<void>;
}

/**
 * The `main` of an HTTP app: reads the configuration (a bad value exits 1 naming the key), builds
 * the app with {@link createHttpApp}, checks Redis, listens and logs `<name> listening` with its
 * URL. With nobody configured to call it, it listens on loopback only (and refuses any other
 * address). It stops when the `npm start` launcher that runs it dies. A boot failure (a port in
 * use, say) is logged and exits 1.
 */
export function runHttpApp(launch: HttpAppLaunch): void {
  const config = loadConfigOrExit();
  const logger = createLogger(launch.name, config.LOG_LEVEL);
  stopWithLauncher(logger);
  exitOnBootFailure(logger, launch.name, boot(launch, config, logger));
}

async function boot(launch: HttpAppLaunch, config: JobqConfig, logger: Logger): Promise<void> {
  const address = launch.address(config);
  applyLoopbackRule(address.host, launch.access(config), logger);
  const app = await createHttpApp({ module: launch.module(config, logger), logger });
  await launch.prepare?.(app, config);
  await app.get(RedisCheck).checkAtBoot();
  await app.listen(address);
  logger.info({ url: await app.getUrl() }, `${launch.name} listening`);
}
