import { QueuesModule, SchedulesModule } from '@jobq/queue-core';
import { Module } from '@nestjs/common';
import { Registry } from 'prom-client';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { ScheduleMetrics } from './schedule-metrics';

/** `/metrics` for Prometheus: one registry per api app, filled by each collector on a scrape. */
@Module({
  imports: [QueuesModule, SchedulesModule],
  controllers: [MetricsController],
  providers: [
    { provide: Registry, useFactory: () => new Registry() },
    MetricsService,
    ScheduleMetrics,
  ],
})
export class MetricsModule {}
