import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  InvalidPolicyError,
  JobqError,
  JobService,
  PolicyStore,
  QueueAdminService,
} from '@jobq/queue-core';
import type { FastifyReply } from 'fastify';
import { ActionAudit } from '../../auth/action-audit.service';
import { CurrentActor, type Actor } from '../../auth/current-actor.decorator';
import { Requires } from '@jobq/http';
import { num } from '../../components/format';
import { Notice } from '../../components/notice';
import { PATHS } from '../../routes';
import { HtmlPage } from '../html-page.decorator';
import { enqueueErrorField, enqueueValues, parseEnqueue } from './enqueue-form';
import { EnqueueForm } from './enqueue-form.view';
import { errorsByField, formValues, policyValues, toPolicyPatch } from './policy-form';
import { PolicyForm } from './policy-form.view';

/** Tells the page that jobs changed, so its job list reloads. */
const CHANGED = { 'HX-Trigger': 'jobq:changed' };

/**
 * What can be done to a queue from its page and the overview, through the same queue-core services
 * as the API (so the same validation and refusals), each one recorded in the audit trail.
 */
@Controller()
export class QueueActionsController {
  constructor(
    private readonly policies: PolicyStore,
    private readonly admin: QueueAdminService,
    private readonly jobs: JobService,
    private readonly audit: ActionAudit,
  ) {}

  @Post(PATHS.queuePause)
  @HttpCode(200)
  @HtmlPage()
  @Requires('operate')
  pause(@Param('queue') queue: string, @CurrentActor() actor: Actor): Promise<string> {
    return this.setState(queue, 'stopped', actor);
  }

  @Post(PATHS.queueResume)
  @HttpCode(200)
  @HtmlPage()
  @Requires('operate')
  resume(@Param('queue') queue: string, @CurrentActor() actor: Actor): Promise<string> {
    return this.setState(queue, 'open', actor);
  }

  @Post(PATHS.queueRetryFailed)
  @HttpCode(200)
  @HtmlPage()
  @Requires('operate')
  async retryFailed(
    @Param('queue') queue: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { retried } = await this.admin.retryFailed(queue);
    await this.audit.record(actor, 'jobs.retry_failed', { queue, details: { retried } });
    void reply.headers(CHANGED);
    return (
      <Notice text={`${num(retried)} failed jobs of ${queue} are waiting again.`} />
    ) as string;
  }

  @Post(PATHS.queueClean)
  @HttpCode(200)
  @HtmlPage()
  @Requires('operate')
  async clean(
    @Param('queue') queue: string,
    @Param('state') state: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (state !== 'completed' && state !== 'failed') {
      throw new JobqError(
        'invalid',
        'INVALID_STATE',
        `only completed or failed jobs are cleaned (got ${JSON.stringify(state)})`,
      );
    }
    const { removed } = await this.admin.clean(queue, state);
    await this.audit.record(actor, 'jobs.clean', { queue, details: { state, removed } });
    void reply.headers(CHANGED);
    return (<Notice text={`Removed ${num(removed)} ${state} jobs of ${queue}.`} />) as string;
  }

  @Post(PATHS.queueEnqueue)
  @HtmlPage()
  @Requires('produce')
  async enqueue(
    @Param('queue') queue: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { max_payload_bytes: maxBytes } = await this.policies.get(queue);
    const values = enqueueValues(body);
    const parsed = parseEnqueue(values);
    if (!parsed.ok) {
      void reply.code(400);
      return (
        <EnqueueForm queue={queue} maxBytes={maxBytes} values={values} errors={parsed.errors} />
      ) as string;
    }
    try {
      const job = await this.jobs.enqueue(queue, parsed.data, parsed.options);
      await this.audit.record(actor, 'job.enqueue', {
        queue,
        id: job.id,
        details: { name: job.name },
      });
      void reply.code(201).headers(CHANGED);
      return (
        <EnqueueForm queue={queue} maxBytes={maxBytes} values={values} enqueued={job} />
      ) as string;
    } catch (err) {
      const field = enqueueErrorField(err);
      if (!field || !(err instanceof JobqError)) throw err;
      void reply.code(err.kind === 'too_large' ? 413 : 400);
      const errors = { [field]: err.message };
      return (
        <EnqueueForm queue={queue} maxBytes={maxBytes} values={values} errors={errors} />
      ) as string;
    }
  }

  @Post(PATHS.queuePolicy)
  @HttpCode(200)
  @HtmlPage()
  @Requires('administer')
  async policy(
    @Param('queue') queue: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const values = formValues(body);
    const before = await this.policies.get(queue);
    try {
      const after = await this.policies.update(queue, toPolicyPatch(values));
      await this.audit.record(actor, 'policy.update', { queue, before, after });
      return (<PolicyForm queue={queue} values={policyValues(after)} saved />) as string;
    } catch (err) {
      if (!(err instanceof InvalidPolicyError)) throw err;
      void reply.code(400);
      return (
        <PolicyForm queue={queue} values={values} errors={errorsByField(err.fields)} />
      ) as string;
    }
  }

  @Post(PATHS.queuePurge)
  @HttpCode(200)
  @HtmlPage()
  @Requires('administer')
  async purge(
    @Param('queue') queue: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.admin.purge(queue);
    await this.audit.record(actor, 'queue.purge', { queue });
    void reply.header('HX-Redirect', PATHS.overview);
    return (<Notice text={`Queue ${queue} is purged.`} />) as string;
  }

  private async setState(queue: string, state: 'open' | 'stopped', actor: Actor): Promise<string> {
    const before = (await this.policies.get(queue)).state;
    await this.policies.update(queue, { state });
    await this.audit.record(actor, state === 'stopped' ? 'queue.stop' : 'queue.start', {
      queue,
      before: { state: before },
      after: { state },
    });
    return (
      <Notice
        text={
          state === 'stopped'
            ? `Queue ${queue} is paused: no worker gets a job.`
            : `Queue ${queue} is open again.`
        }
      />
    ) as string;
  }
}
