import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/** `/metrics` for Prometheus. */
@Module({ controllers: [MetricsController], providers: [MetricsService] })
export class MetricsModule {}
