import { Controller, Get, Param, Query } from '@nestjs/common';
import { ScheduleService } from '@jobq/queue-core';
import { CurrentViewer, type Viewer, Requires } from '@jobq/http';
import { PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { SchedulesTable } from './schedules-table.view';
import { NewSchedulePage, SchedulePage, SchedulesPage } from './schedules.view';

/** The schedules: every one, one, the form of a new one, and the table fragment actions reload. */
@Controller()
@Requires('read')
export class SchedulesController {
  constructor(private readonly schedules: ScheduleService) {}

  @Get(PATHS.schedules)
  @HtmlPage()
  async all(@CurrentViewer() viewer: Viewer): Promise<string> {
    return (<SchedulesPage schedules={await this.schedules.list()} viewer={viewer} />) as string;
  }

  @Get(PATHS.scheduleNew)
  @HtmlPage()
  @Requires('administer')
  add(@CurrentViewer() viewer: Viewer, @Query('queue') queue?: string): string {
    return (<NewSchedulePage queue={queue} viewer={viewer} />) as string;
  }

  @Get(PATHS.scheduleTable)
  @HtmlPage()
  async table(
    @CurrentViewer() viewer: Viewer,
    @Query('queue') queue?: string,
    @Query('id') id?: string,
  ): Promise<string> {
    const schedules = (await this.schedules.list(queue)).filter(
      (s) => id === undefined || s.id === id,
    );
    return (
      <SchedulesTable schedules={schedules} role={viewer.role} showQueue={queue === undefined} />
    ) as string;
  }

  @Get(PATHS.schedule)
  @HtmlPage()
  async one(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<string> {
    return (
      <SchedulePage schedule={await this.schedules.get(queue, id)} viewer={viewer} />
    ) as string;
  }
}
