import { Module } from '@nestjs/common';
import { AuditModule } from '@jobq/queue-core';
import { ApiAuditor } from './api-auditor';
import { AuditController } from './audit.controller';

/** The audit trail in the API: {@link ApiAuditor} for the modules whose actions it records, and `GET /audit`. */
@Module({
  imports: [AuditModule],
  controllers: [AuditController],
  providers: [ApiAuditor],
  exports: [ApiAuditor],
})
export class AuditApiModule {}
