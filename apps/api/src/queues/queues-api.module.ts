import { Module } from '@nestjs/common';
import { QueuesModule } from '@jobq/queue-core';
import { AuditApiModule } from '../audit/audit-api.module';
import { QueuesController } from './queues.controller';

/** Queue listing, statistics and purge. */
@Module({
  imports: [QueuesModule, AuditApiModule],
  controllers: [QueuesController],
})
export class QueuesApiModule {}
