import { DynamicModule, Module, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobqConfig, QueueCoreModule } from '@jobq/queue-core';
import type { Logger } from 'pino';
import { ExamplesModule } from './examples/examples.module';
import { HandlerRegistry } from './handler-registry/handler.registry';
import { HeartbeatService } from './heartbeat/heartbeat.service';
import { JobRunner } from './processing/job.runner';
import { QueueWorkers } from './processing/queue-workers.service';

/** Modules whose providers include `@JobHandler` classes. Add yours here. */
export const HANDLER_MODULES: Type[] = [];

/**
 * Root module of a worker process: discovers the job handlers of {@link HANDLER_MODULES} (and of
 * the `demo` examples unless `WORKER_EXAMPLES=false`) and runs a BullMQ Worker per served queue.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: JobqConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        QueueCoreModule.forRoot({ role: 'worker', config, logger }),
        DiscoveryModule,
        ...(config.WORKER_EXAMPLES ? [ExamplesModule] : []),
        ...HANDLER_MODULES,
      ],
      providers: [HandlerRegistry, HeartbeatService, JobRunner, QueueWorkers],
      exports: [QueueWorkers],
    };
  }
}
