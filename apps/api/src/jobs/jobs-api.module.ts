import { Module } from '@nestjs/common';
import { JobsModule, PullModule, RpcModule } from '@jobq/queue-core';
import { EnqueueController } from './enqueue.controller';
import { JobController } from './job.controller';

/** presque's producer routes and job look-up. */
@Module({
  imports: [JobsModule, PullModule, RpcModule],
  controllers: [EnqueueController, JobController],
})
export class JobsApiModule {}
