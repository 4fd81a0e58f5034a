import { Controller, Get, Query, Res } from '@nestjs/common';
import { JobNotFoundError, JobService, QueueStatsService } from '@jobq/queue-core';
import type { FastifyReply } from 'fastify';
import { CurrentViewer, type Viewer, Requires } from '@jobq/http';
import { href, PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { seeOther } from '../see-other';
import { LookupPage, LookupResult } from './lookup.view';

/**
 * Job look-up — by id across every queue (what bull-board users keep asking for), or by queue and
 * id. One match goes straight to the job's page.
 */
@Controller()
@Requires('read')
export class LookupController {
  constructor(
    private readonly jobs: JobService,
    private readonly stats: QueueStatsService,
  ) {}

  @Get(PATHS.lookup)
  @HtmlPage()
  async find(
    @CurrentViewer() viewer: Viewer,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('id') rawId?: string,
    @Query('queue') rawQueue?: string,
  ): Promise<string> {
    const id = typeof rawId === 'string' ? rawId.trim() : '';
    const queue = typeof rawQueue === 'string' ? rawQueue.trim() : '';
    const queues = await this.stats.list();
    let result: LookupResult = { kind: 'none' };
    if (id && queue) {
      try {
        await this.jobs.find(queue, id);
        return seeOther(reply, href(PATHS.job, { queue, id }));
      } catch (err) {
        if (!(err instanceof JobNotFoundError)) throw err;
        result = { kind: 'missing', id, queue, searched: 1 };
      }
    } else if (id) {
      const found = await this.jobs.locate(id);
      if (found.length === 1) return seeOther(reply, href(PATHS.job, { queue: found[0], id }));
      result =
        found.length === 0
          ? { kind: 'missing', id, searched: queues.length }
          : { kind: 'many', id, queues: found };
    }
    if (result.kind === 'missing') void reply.code(404);
    return (
      <LookupPage viewer={viewer} id={id} queue={queue} queues={queues} result={result} />
    ) as string;
  }
}
