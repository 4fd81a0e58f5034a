import { Module } from '@nestjs/common';
import { AuditStore } from './audit.store';

/** The audit trail for an app that records or reads it. Needs {@link QueueCoreModule} (global). */
@Module({ providers: [AuditStore], exports: [AuditStore] })
export class AuditModule {}
