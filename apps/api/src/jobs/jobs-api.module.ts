import { Module } from '@nestjs/common';
import { JobsModule, PullModule, RpcModule } from '@jobq/queue-core';
import { AuditApiModule } from '../audit/audit-api.module';
import { EnqueueController } from './enqueue.controller';
import { JobController } from './job.controller';

/** presque's producer routes and job look-up. */
@Module({
  imports: [JobsModule, PullModule, RpcModule, AuditApiModule],
  controllers: [EnqueueController, JobController],
})
export class JobsApiModule {}
