import { DynamicModule, Module, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobqConfig, QueueCoreModule, SchedulesModule } from '@jobq/queue-core';
import type { Logger } from 'pino';
import { HandlerRegistry } from './handlers/handler.registry';
import { HeartbeatService } from './heartbeat/heartbeat.service';
import { JobRunner } from './processing/job.runner';
import { QueueWorkers } from './processing/queue-workers.service';
import { DeclaredSchedules } from './schedules/declared-schedules.service';
import { WORKER_APP } from './worker-app.token';

/** What a worker app hands {@link JobqWorkerModule.forRoot}. */
export interface JobqWorkerOptions {
  config: JobqConfig;
  logger: Logger;
  /** The app's name: in its log lines, and as the owner of the schedules its handlers declare. @defaultValue `worker` */
  app?: string;
  /** Modules whose providers include `@JobHandler` classes. */
  handlers: (Type | DynamicModule)[];
}

/**
 * The worker runtime as a Nest module: discovers the `@JobHandler` providers of `handlers` (two for
 * one queue and job name stop the boot), runs one BullMQ `Worker` per served queue under the
 * queue's live policy (pause, global concurrency and rate limit, retention, `timeout_ms`), upserts
 * the schedules its handlers declare, beats into the fleet and drains on shutdown. The root module of a worker app; start it with
 * {@link runWorkerApp}.
 */
@Module({})
export class JobqWorkerModule {
  static forRoot({ config, logger, handlers, app = 'worker' }: JobqWorkerOptions): DynamicModule {
    return {
      module: JobqWorkerModule,
      imports: [
        QueueCoreModule.forRoot({ role: 'worker', config, logger }),
        DiscoveryModule,
        SchedulesModule,
        ...handlers,
      ],
      providers: [
        { provide: WORKER_APP, useValue: app },
        HandlerRegistry,
        HeartbeatService,
        JobRunner,
        QueueWorkers,
        DeclaredSchedules,
      ],
      exports: [QueueWorkers],
    };
  }
}
