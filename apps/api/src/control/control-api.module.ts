import { Module } from '@nestjs/common';
import { AuditApiModule } from '../audit/audit-api.module';
import { ControlController } from './control.controller';

/** presque `/control`. */
@Module({ imports: [AuditApiModule], controllers: [ControlController] })
export class ControlApiModule {}
