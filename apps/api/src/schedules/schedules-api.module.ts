import { Module } from '@nestjs/common';
import { SchedulesModule } from '@jobq/queue-core';
import { AuditApiModule } from '../audit/audit-api.module';
import { SchedulesController } from './schedules.controller';

/** `/schedules`: periodic jobs. */
@Module({ imports: [SchedulesModule, AuditApiModule], controllers: [SchedulesController] })
export class SchedulesApiModule {}
