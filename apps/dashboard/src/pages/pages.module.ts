import { Module } from '@nestjs/common';
import {
  AuditModule,
  BusCoreModule,
  JobsModule,
  QueuesModule,
  SchedulesModule,
} from '@jobq/queue-core';
import { ActionAudit } from '../auth/action-audit.service';
import { UsersModule } from '@jobq/http';
import { LiveModule } from '../live/live.module';
import { AuditController } from './audit/audit.controller';
import { BusController } from './bus/bus.controller';
import { JobController } from './job/job.controller';
import { LoginController } from './login/login.controller';
import { LookupController } from './lookup/lookup.controller';
import { OverviewController } from './overview/overview.controller';
import { QueueActionsController } from './queue/queue-actions.controller';
import { QueueController } from './queue/queue.controller';
import { QueueReader } from './queue/queue-reader.service';
import { ScheduleActionsController } from './schedules/schedule-actions.controller';
import { SchedulesController } from './schedules/schedules.controller';
import { WorkersController } from './workers/workers.controller';

/** The dashboard's server-rendered pages, their live feeds and their actions. */
@Module({
  imports: [
    QueuesModule,
    JobsModule,
    BusCoreModule,
    AuditModule,
    SchedulesModule,
    UsersModule,
    LiveModule,
  ],
  controllers: [
    LoginController,
    OverviewController,
    QueueController,
    QueueActionsController,
    JobController,
    LookupController,
    WorkersController,
    BusController,
    AuditController,
    SchedulesController,
    ScheduleActionsController,
  ],
  providers: [QueueReader, ActionAudit],
})
export class PagesModule {}
