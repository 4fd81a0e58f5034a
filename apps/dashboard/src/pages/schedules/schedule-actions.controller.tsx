import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  InvalidScheduleError,
  JobqError,
  scheduleSettings,
  ScheduleService,
} from '@jobq/queue-core';
import type { FastifyReply } from 'fastify';
import { ActionAudit } from '../../auth/action-audit.service';
import { CurrentActor, type Actor } from '../../auth/current-actor.decorator';
import { Requires } from '@jobq/http';
import { Notice } from '../../components/notice';
import { href, PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { postedScheduleValues, scheduleErrorsByField, toScheduleBody } from './schedule-form';
import { ScheduleForm } from './schedule-form.view';

/** Tells the page that schedules changed, so its schedules table reloads. */
const CHANGED = { 'HX-Trigger': 'jobq:schedules' };

/**
 * What can be done to schedules from the dashboard, through the same `ScheduleService` as the API
 * (so the same validation and messages), each action recorded in the audit trail.
 */
@Controller()
export class ScheduleActionsController {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly audit: ActionAudit,
  ) {}

  @Post(PATHS.scheduleSave)
  @HttpCode(200)
  @HtmlPage()
  @Requires('administer')
  async save(
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const values = postedScheduleValues(body);
    const existing = (body as { existing?: string } | undefined)?.existing === '1';
    const form = (errors: Partial<typeof values>) => {
      void reply.code(400);
      return (<ScheduleForm values={values} errors={errors} existing={existing} />) as string;
    };
    const parsed = toScheduleBody(values);
    if (!parsed.ok) return form(parsed.errors);
    const before = await this.schedules.get(values.queue, values.id).catch(() => null);
    try {
      const { schedule, changed } = await this.schedules.upsert(
        values.queue,
        values.id,
        parsed.body,
      );
      if (changed) {
        await this.audit.record(actor, 'schedule.upsert', {
          queue: schedule.queue,
          id: schedule.id,
          before: before && scheduleSettings(before),
          after: scheduleSettings(schedule),
        });
      }
      void reply.header(
        'HX-Redirect',
        href(PATHS.schedule, { queue: schedule.queue, id: schedule.id }),
      );
      return (<Notice text={`Schedule ${schedule.queue}/${schedule.id} is saved.`} />) as string;
    } catch (err) {
      if (err instanceof InvalidScheduleError) return form(scheduleErrorsByField(err.fields));
      if (!(err instanceof JobqError) || (err.kind !== 'invalid' && err.kind !== 'too_large'))
        throw err;
      const field = /queue name/.test(err.message)
        ? 'queue'
        : /schedule name/.test(err.message)
          ? 'id'
          : 'data';
      return form({ [field]: err.message });
    }
  }

  @Post(PATHS.schedulePause)
  @HttpCode(200)
  @HtmlPage()
  @Requires('administer')
  async pause(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.schedules.pause(queue, id);
    await this.audit.record(actor, 'schedule.pause', { queue, id });
    void reply.headers(CHANGED);
    return (
      <Notice text={`Schedule ${queue}/${id} is paused: no jobs until it is resumed.`} />
    ) as string;
  }

  @Post(PATHS.scheduleResume)
  @HttpCode(200)
  @HtmlPage()
  @Requires('administer')
  async resume(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.schedules.resume(queue, id);
    await this.audit.record(actor, 'schedule.resume', { queue, id });
    void reply.headers(CHANGED);
    return (<Notice text={`Schedule ${queue}/${id} runs again from its next tick.`} />) as string;
  }

  @Post(PATHS.scheduleRun)
  @HttpCode(200)
  @HtmlPage()
  @Requires('operate')
  async run(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const job = await this.schedules.runNow(queue, id);
    await this.audit.record(actor, 'schedule.run', { queue, id, details: { job: job.id } });
    void reply.headers(CHANGED);
    return (<Notice text={`Job ${job.id} of ${queue}/${id} is ${job.state}.`} />) as string;
  }

  @Post(PATHS.scheduleDelete)
  @HttpCode(200)
  @HtmlPage()
  @Requires('administer')
  async remove(
    @Param('queue') queue: string,
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const before = await this.schedules.get(queue, id);
    await this.schedules.remove(queue, id);
    await this.audit.record(actor, 'schedule.delete', {
      queue,
      id,
      before: scheduleSettings(before),
    });
    void reply.headers(CHANGED);
    return (<Notice text={`Schedule ${queue}/${id} is deleted.`} />) as string;
  }
}
