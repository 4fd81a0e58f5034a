import { Module } from '@nestjs/common';
import { JobService } from './job.service';
import { PullService } from './pull.service';
import { QueueAdminService } from './queue-admin.service';
import { QueueCountersStore } from './queue-counters.store';
import { QueueStatsService } from './queue-stats.service';
import { RpcService } from '../rpc/rpc.service';

const SERVICES = [
  JobService,
  PullService,
  QueueStatsService,
  QueueAdminService,
  QueueCountersStore,
  RpcService,
];

/**
 * Job and queue services for an HTTP app (API, dashboard): enqueue and look-up, HTTP pull,
 * queue statistics, purge and RPC. Needs {@link QueueCoreModule} (global) in the app.
 */
@Module({ providers: SERVICES, exports: SERVICES })
export class JobsModule {}
