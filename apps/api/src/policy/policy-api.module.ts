import { Module } from '@nestjs/common';
import { AuditApiModule } from '../audit/audit-api.module';
import { PolicyController } from './policy.controller';

/** `GET/PUT /policy/:queue`. */
@Module({ imports: [AuditApiModule], controllers: [PolicyController] })
export class PolicyApiModule {}
