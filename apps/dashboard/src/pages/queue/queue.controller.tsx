import { Controller, Get, MessageEvent, Param, Query, Sse } from '@nestjs/common';
import { assertValidName, JobListService, ListedState, ScheduleService } from '@jobq/queue-core';
import type { Observable } from 'rxjs';
import { CurrentViewer, type Viewer, Requires } from '@jobq/http';
import { LiveHub } from '../../live/live-hub.service';
import { PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { JobsTable } from './jobs-table.view';
import { QueueReader } from './queue-reader.service';
import { queueFrames } from './queue-stats.view';
import { QueuePage } from './queue.view';

/** Jobs per page of the job list. */
const PAGE_SIZE = 25;

/** A queue's page, its job list fragment (paged by cursor) and its live feed. */
@Controller()
@Requires('read')
export class QueueController {
  constructor(
    private readonly reader: QueueReader,
    private readonly jobs: JobListService,
    private readonly hub: LiveHub,
    private readonly schedules: ScheduleService,
  ) {}

  @Get(PATHS.queue)
  @HtmlPage()
  async page(
    @Param('queue') queue: string,
    @CurrentViewer() viewer: Viewer,
    @Query('state') state?: string,
    @Query('cursor') cursor?: string,
  ): Promise<string> {
    const listed = stateOf(state);
    const [snapshot, jobs, schedules] = await Promise.all([
      this.reader.snapshot(queue),
      this.jobs.page(queue, listed, { cursor, limit: PAGE_SIZE }),
      this.schedules.list(queue),
    ]);
    return (
      <QueuePage
        snapshot={snapshot}
        jobs={jobs}
        cursor={cursor}
        schedules={schedules}
        viewer={viewer}
      />
    ) as string;
  }

  @Get(PATHS.queueJobs)
  @HtmlPage()
  async jobList(
    @Param('queue') queue: string,
    @CurrentViewer() viewer: Viewer,
    @Query('state') state?: string,
    @Query('cursor') cursor?: string,
  ): Promise<string> {
    const jobs = await this.jobs.page(queue, stateOf(state), { cursor, limit: PAGE_SIZE });
    return (<JobsTable page={jobs} role={viewer.role} cursor={cursor} />) as string;
  }

  @Sse(PATHS.liveQueue)
  live(@Param('queue') queue: string, @CurrentViewer() viewer: Viewer): Observable<MessageEvent> {
    assertValidName(queue);
    return this.hub.follow(
      { key: `queue:${queue}`, read: () => this.reader.snapshot(queue), render: queueFrames },
      viewer.role,
    );
  }
}

/** The `state` query, `waiting` when absent; an unknown one is refused by the listing (400). */
function stateOf(state: string | undefined): ListedState {
  return (state ?? 'waiting') as ListedState;
}
