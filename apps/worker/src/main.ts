import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  createLogger,
  JobqConfig,
  loadConfigOrExit,
  PinoNestLogger,
  RedisCheck,
} from '@jobq/queue-core';
import type { Logger } from 'pino';
import { QueueWorkers } from './processing/queue-workers.service';
import { WorkerModule } from './worker.module';

/** SIGTERM / SIGINT: stop taking jobs, let active ones finish (`WORKER_GRACE_MS`), exit 0. */
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

async function bootstrap(config: JobqConfig, logger: Logger): Promise<void> {
  const running: { app?: INestApplicationContext } = {};
  stopOnSignals(logger, config.WORKER_GRACE_MS, running);
  const app = (running.app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, logger),
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  ));
  await app.get(RedisCheck).checkAtBoot();
  logger.info(
    { queues: app.get(QueueWorkers).served, concurrency: config.WORKER_CONCURRENCY },
    'worker ready',
  );
}

const config = loadConfigOrExit();
const logger = createLogger('worker', config.LOG_LEVEL);
bootstrap(config, logger).catch((err: Error) => {
  logger.fatal({ err }, 'worker failed to start');
  process.stderr.write(`jobq: worker failed to start: ${err.message}\n`);
  process.exit(1);
});
