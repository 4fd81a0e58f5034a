import { Module } from '@nestjs/common';
import { QueuesModule } from '@jobq/queue-core';
import { QueuesController } from './queues.controller';

/** Queue listing, statistics and purge. */
@Module({
  imports: [QueuesModule],
  controllers: [QueuesController],
})
export class QueuesApiModule {}
