import { Controller, Get, MessageEvent, Query, Sse } from '@nestjs/common';
import { QueueOverview, QueueStatsService } from '@jobq/queue-core';
import type { Observable } from 'rxjs';
import { CurrentViewer, type Viewer, Requires } from '@jobq/http';
import { LiveHub, type LiveSource } from '../../live/live-hub.service';
import { PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { overviewFrames, OverviewPage } from './overview.view';

/** The dashboard's home: every queue at a glance — the page, its live feed, and the same as JSON. */
@Controller()
@Requires('read')
export class OverviewController {
  private readonly source: LiveSource<QueueOverview> = {
    key: 'overview',
    read: () => this.stats.overview(),
    render: overviewFrames,
  };

  constructor(
    private readonly stats: QueueStatsService,
    private readonly hub: LiveHub,
  ) {}

  @Get(PATHS.overview)
  @HtmlPage()
  async page(@CurrentViewer() viewer: Viewer, @Query('q') q?: string): Promise<string> {
    const overview = await this.stats.overview();
    return (
      <OverviewPage overview={overview} viewer={viewer} filter={typeof q === 'string' ? q : ''} />
    ) as string;
  }

  @Sse(PATHS.liveOverview)
  live(@CurrentViewer() viewer: Viewer): Observable<MessageEvent> {
    return this.hub.follow(this.source, viewer.role);
  }

  @Get(PATHS.overviewJson)
  overview(): Promise<QueueOverview> {
    return this.stats.overview();
  }
}
