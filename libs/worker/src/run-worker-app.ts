import { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  createLogger,
  exitOnBootFailure,
  JobqConfig,
  loadConfigOrExit,
  PinoNestLogger,
  RedisCheck,
  stopWithLauncher,
} from '@jobq/queue-core';
import type { Logger } from 'pino';
import { JobqWorkerModule } from './jobq-worker.module';
import { QueueWorkers } from './processing/queue-workers.service';

/** What {@link runWorkerApp} starts. */
export interface WorkerAppOptions {
  /** The app's name in every log line (`app`). @defaultValue `worker` */
  name?: string;
  /** The modules of the app's handlers, given the validated configuration. */
  handlers(config: JobqConfig): (Type | DynamicModule)[];
}

/**
 * The `main` of a worker app: reads the configuration (a bad value exits 1 naming the key), boots
 * {@link JobqWorkerModule} with the app's handlers, logs `worker ready` with the queues it serves,
 * and on SIGTERM / SIGINT stops taking jobs, lets the active ones finish within `WORKER_GRACE_MS`
 * and exits 0. It also stops when the `npm start` launcher that runs it dies. A boot failure is
 * logged and exits 1.
 */
export function runWorkerApp({ name = 'worker', handlers }: WorkerAppOptions): void {
  const config = loadConfigOrExit();
  const logger = createLogger(name, config.LOG_LEVEL);
  stopWithLauncher(logger);
  exitOnBootFailure(logger, name, boot(name, config, logger, handlers(config)));
}

async function boot(
  name: string,
  config: JobqConfig,
  logger: Logger,
  handlers: (Type | DynamicModule)[],
): Promise<void> {
  const running: { app?: INestApplicationContext } = {};
  stopOnSignals(logger, config.WORKER_GRACE_MS, running);
  const app = (running.app = await NestFactory.createApplicationContext(
    JobqWorkerModule.forRoot({ app: name, config, logger, handlers }),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  ));
  await app.get(RedisCheck).checkAtBoot();
  logger.info(
    { queues: app.get(QueueWorkers).served, concurrency: config.WORKER_CONCURRENCY },
    'worker ready',
  );
}

function stopOnSignals(
  logger: Logger,
  graceMs: number,
  running: { app?: INestApplicationContext },
) {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return void logger.info({ signal }, 'already stopping');
    stopping = true;
    logger.info({ signal, grace_ms: graceMs }, 'stopping');
    (running.app?.close() ?? Promise.resolve()).then(
      () => {
        logger.info('worker stopped');
        process.exit(0);
      },
      (err: Error) => {
        logger.error({ err }, 'worker did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
