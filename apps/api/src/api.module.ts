import { DynamicModule, Module } from '@nestjs/common';
import { HealthModule, JobqConfig, QueueCoreModule } from '@jobq/queue-core';
import type { Logger } from 'pino';

/** Root module of the REST API. */
@Module({})
export class ApiModule {
  static forRoot(config: JobqConfig, logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [QueueCoreModule.forRoot({ role: 'api', config, logger }), HealthModule],
    };
  }
}
