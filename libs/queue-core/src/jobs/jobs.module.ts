import { Module } from '@nestjs/common';
import { JobService } from './job.service';
import { PullService } from './pull.service';
import { QueueAdminService } from './queue-admin.service';
import { QueueCountersStore } from './queue-counters.store';
import { QueueStatsService } from './queue-stats.service';
import { RpcService } from '../rpc/rpc.service';

/**
 * Job and queue services for an HTTP app (API, dashboard): enqueue and look-up, HTTP pull,
 * queue statistics, purge and RPC. Needs {@link QueueCoreModule} (global) in the app.
 */
@Module({
  providers: [
    JobService,
    PullService,
    QueueStatsService,
    QueueAdminService,
    QueueCountersStore,
    RpcService,
  ],
  exports: [
    JobService,
    PullService,
    QueueStatsService,
    QueueAdminService,
    QueueCountersStore,
    RpcService,
  ],
})
export class JobsModule {}
