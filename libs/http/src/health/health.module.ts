import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** Liveness and readiness routes; import it in an HTTP app's root module. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
