import { Controller, Get, MessageEvent, Sse } from '@nestjs/common';
import { FleetStore } from '@jobq/queue-core';
import type { Observable } from 'rxjs';
import { CurrentViewer, type Viewer, Requires } from '@jobq/http';
import { LiveHub, type LiveSource } from '../../live/live-hub.service';
import { PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { workersFrames, WorkersPage } from './workers.view';
import type { WorkersSnapshot } from './workers-snapshot';

/** The workers page and its live feed. */
@Controller()
@Requires('read')
export class WorkersController {
  private readonly source: LiveSource<WorkersSnapshot> = {
    key: 'workers',
    read: () => this.snapshot(),
    render: workersFrames,
  };

  constructor(
    private readonly fleet: FleetStore,
    private readonly hub: LiveHub,
  ) {}

  @Get(PATHS.workers)
  @HtmlPage()
  async page(@CurrentViewer() viewer: Viewer): Promise<string> {
    return (<WorkersPage snapshot={await this.snapshot()} viewer={viewer} />) as string;
  }

  @Sse(PATHS.liveWorkers)
  live(@CurrentViewer() viewer: Viewer): Observable<MessageEvent> {
    return this.hub.follow(this.source, viewer.role);
  }

  private async snapshot(): Promise<WorkersSnapshot> {
    const [workers, totals] = await Promise.all([this.fleet.list(), this.fleet.totals()]);
    return { workers, totals, at: Date.now() };
  }
}
