import { Module } from '@nestjs/common';
import { QueueAdminService } from './queue-admin.service';
import { QueueCountersStore } from './queue-counters.store';
import { QueueStatsService } from './queue-stats.service';
import { QueueTotalsService } from './queue-totals.service';

const SERVICES = [QueueStatsService, QueueAdminService, QueueCountersStore, QueueTotalsService];

/**
 * Queue-level reads and actions for an HTTP app: presque's `/j` and `/status` views, the
 * dashboard overview, purge. Needs {@link QueueCoreModule} (global) in the app.
 */
@Module({ providers: SERVICES, exports: SERVICES })
export class QueuesModule {}
