import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ScheduleService } from './schedule.service';
import { ScheduleStore } from './schedule.store';

/** Periodic jobs (cron or every N ms) on BullMQ's job schedulers. Needs {@link QueueCoreModule} (global). */
@Module({
  imports: [JobsModule],
  providers: [ScheduleStore, ScheduleService],
  exports: [ScheduleService],
})
export class SchedulesModule {}
