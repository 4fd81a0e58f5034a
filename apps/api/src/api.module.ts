import { DynamicModule, Module } from '@nestjs/common';
import { HealthModule } from '@jobq/http';
import { JobqConfig, QueueCoreModule } from '@jobq/queue-core';
import type { Logger } from 'pino';
import { MetricsModule } from './metrics/metrics.module';
import { RpcApiModule } from './rpc/rpc-api.module';
import { ControlApiModule } from './control/control-api.module';
import { JobsApiModule } from './jobs/jobs-api.module';
import { PolicyApiModule } from './policy/policy-api.module';
import { PullApiModule } from './pull/pull-api.module';
import { QueuesApiModule } from './queues/queues-api.module';
import { WorkersModule } from './workers/workers.module';
import { BusModule } from './bus/bus.module';
import { AuditApiModule } from './audit/audit-api.module';
import { SchedulesApiModule } from './schedules/schedules-api.module';

/** Root module of the REST API. */
@Module({})
export class ApiModule {
  static forRoot(config: JobqConfig, logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        QueueCoreModule.forRoot({ role: 'api', config, logger }),
        HealthModule,
        JobsApiModule,
        PullApiModule,
        QueuesApiModule,
        ControlApiModule,
        PolicyApiModule,
        WorkersModule,
        MetricsModule,
        BusModule,
        RpcApiModule,
        AuditApiModule,
        SchedulesApiModule,
      ],
    };
  }
}
