import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { JobService } from '@jobq/queue-core';
import type { FastifyReply } from 'fastify';
import { ActionAudit } from '../../auth/action-audit.service';
import { CurrentActor, type Actor } from '../../auth/current-actor.decorator';
import { CurrentViewer, type Viewer, Requires } from '@jobq/http';
import { Notice } from '../../components/notice';
import { href, PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { JobDetail, JobPage } from './job.view';

/** One job's page, and retry, promote and delete from it (same services and refusals as the API). */
@Controller()
export class JobController {
  constructor(
    private readonly jobs: JobService,
    private readonly audit: ActionAudit,
  ) {}

  @Get(PATHS.job)
  @HtmlPage()
  @Requires('read')
  async page(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<string> {
    return (<JobPage job={await this.jobs.find(queue, id)} viewer={viewer} />) as string;
  }

  @Post(PATHS.jobRetry)
  @HttpCode(200)
  @HtmlPage()
  @Requires('operate')
  async retry(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    await this.jobs.retry(queue, id);
    await this.audit.record(actor, 'job.retry', { queue, id });
    return (<JobDetail job={await this.jobs.find(queue, id)} role={actor.viewer.role} />) as string;
  }

  @Post(PATHS.jobPromote)
  @HttpCode(200)
  @HtmlPage()
  @Requires('operate')
  async promote(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<string> {
    await this.jobs.promote(queue, id);
    await this.audit.record(actor, 'job.promote', { queue, id });
    return (<JobDetail job={await this.jobs.find(queue, id)} role={actor.viewer.role} />) as string;
  }

  @Post(PATHS.jobDelete)
  @HttpCode(200)
  @HtmlPage()
  @Requires('administer')
  async remove(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.jobs.remove(queue, id);
    await this.audit.record(actor, 'job.delete', { queue, id });
    void reply.header('HX-Redirect', href(PATHS.queue, { queue }));
    return (<Notice text={`Job ${id} is deleted.`} />) as string;
  }
}
