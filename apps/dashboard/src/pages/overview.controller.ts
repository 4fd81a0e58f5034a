import { Controller, Get, Header } from '@nestjs/common';
import { QueueOverview, QueueStatsService } from '@jobq/queue-core';
import { overviewPage } from './overview.page';

/** The dashboard's home: every queue at a glance, as a page and as JSON. */
@Controller()
export class OverviewController {
  constructor(private readonly stats: QueueStatsService) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async page(): Promise<string> {
    return overviewPage(await this.stats.overview()).value;
  }

  @Get('api/overview')
  overview(): Promise<QueueOverview> {
    return this.stats.overview();
  }
}
