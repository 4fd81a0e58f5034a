import { QueuesModule } from '@jobq/queue-core';
import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** `/metrics` for Prometheus. */
@Module({ imports: [QueuesModule], controllers: [MetricsController], providers: [MetricsService] })
export class MetricsModule {}
