import { DynamicModule, Module } from '@nestjs/common';
import { JobqConfig, QueueCoreModule } from '@jobq/queue-core';
import type { Logger } from 'pino';

/** Root module of a worker process. */
@Module({})
export class WorkerModule {
  static forRoot(config: JobqConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [QueueCoreModule.forRoot({ role: 'worker', config, logger })],
    };
  }
}
