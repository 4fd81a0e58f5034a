import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '@jobq/http';
import { AuditPage, AuditStore } from '@jobq/queue-core';
import { AuditQueryDto } from './audit-query.dto';

/** `GET /audit`: the audit trail of admin and operator actions (API and dashboard). */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditStore) {}

  @Get()
  @Requires('administer')
  @ApiOperation({
    summary: 'Admin and operator actions, newest first; ?before=<next> reads on',
    description:
      'Who (key or dashboard user, by name, and role), what, which queue or topic, before/after for settings, when, from which address.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        entries: [
          {
            id_in_trail: '1767225600000-0',
            at: '2026-01-01T00:00:00.000Z',
            actor: { kind: 'key', name: 'ops', role: 'admin' },
            action: 'policy.update',
            via: 'api',
            from: '10.0.0.7',
            queue: 'emails',
            before: { attempts: 3 },
            after: { attempts: 5 },
          },
        ],
        next: '1767225600000-0',
      },
    },
  })
  read(@Query() query: AuditQueryDto): Promise<AuditPage> {
    return this.audit.read(query);
  }
}
