import { Module } from '@nestjs/common';
import { JobsModule } from '@jobq/queue-core';
import { QueuesController } from './queues.controller';

/** Queue listing, statistics and purge. */
@Module({
  imports: [JobsModule],
  controllers: [QueuesController],
})
export class QueuesApiModule {}
