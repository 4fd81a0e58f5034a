import { DynamicModule, Module, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobqConfig, QueueCoreModule } from '@jobq/queue-core';
import type { Logger } from 'pino';
import { HandlerRegistry } from './handlers/handler.registry';
import { HeartbeatService } from './heartbeat/heartbeat.service';
import { JobRunner } from './processing/job.runner';
import { QueueWorkers } from './processing/queue-workers.service';

/** What a worker app hands {@link JobqWorkerModule.forRoot}. */
export interface JobqWorkerOptions {
  config: JobqConfig;
  logger: Logger;
  /** Modules whose providers include `@JobHandler` classes. */
  handlers: (Type | DynamicModule)[];
}

/**
 * The worker runtime as a Nest module: discovers the `@JobHandler` providers of `handlers` (two for
 * one queue and job name stop the boot), runs one BullMQ `Worker` per served queue under the
 * queue's live policy (pause, global concurrency and rate limit, retention, `timeout_ms`), beats
 * into the fleet and drains on shutdown. The root module of a worker app; start it with
 * {@link runWorkerApp}.
 */
@Module({})
export class JobqWorkerModule {
  static forRoot({ config, logger, handlers }: JobqWorkerOptions): DynamicModule {
    return {
      module: JobqWorkerModule,
      imports: [
        QueueCoreModule.forRoot({ role: 'worker', config, logger }),
        DiscoveryModule,
        ...handlers,
      ],
      providers: [HandlerRegistry, HeartbeatService, JobRunner, QueueWorkers],
      exports: [QueueWorkers],
    };
  }
}
