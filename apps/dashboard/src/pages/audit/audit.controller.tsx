import { Controller, Get, Query } from '@nestjs/common';
import { AuditStore } from '@jobq/queue-core';
import { CurrentViewer, type Viewer, Requires } from '@jobq/http';
import { PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { AuditTrailPage } from './audit.view';

/** Entries per page. */
const PAGE = 50;

/** The audit trail (admins), read with its cursor. */
@Controller()
@Requires('administer')
export class AuditController {
  constructor(private readonly audit: AuditStore) {}

  @Get(PATHS.audit)
  @HtmlPage()
  async page(@CurrentViewer() viewer: Viewer, @Query('before') before?: string): Promise<string> {
    const cursor = typeof before === 'string' && before !== '' ? before : undefined;
    const page = await this.audit.read({ before: cursor, limit: PAGE });
    return (<AuditTrailPage page={page} viewer={viewer} first={cursor === undefined} />) as string;
  }
}
