import { isDeepStrictEqual } from 'node:util';
import { Injectable } from '@nestjs/common';
import type { JobSchedulerJson, Queue, RepeatOptions } from 'bullmq';
import { CronExpressionParser } from 'cron-parser';
import { ScheduleNotFoundError } from '../errors/schedule-not-found.error';
import { DEFAULT_JOB_NAME } from '../jobs/job.service';
import { JobService } from '../jobs/job.service';
import { assertPayload } from '../jobs/payload';
import type { EnqueuedJob } from '../jobs/enqueued-job';
import { assertValidName } from '../names/queue-name';
import { toJobOptions } from '../policy/job-options';
import { PolicyStore } from '../queues/policy.store';
import { QueueRegistry } from '../queues/queue.registry';
import type { ScheduleRecord } from './schedule-record';
import type { ScheduleSpec } from './schedule-spec';
import { validateSchedule } from './schedule-validation';
import { describeSchedule, ScheduleView } from './schedule-view';
import { ScheduleStore } from './schedule.store';

/** What {@link ScheduleService.upsert} did. */
export interface UpsertedSchedule {
  schedule: ScheduleView;
  /** A new schedule (201), not a change of one (200). */
  created: boolean;
  /** Anything changed (false: the same body again, nothing touched). */
  changed: boolean;
}

/**
 * Periodic jobs on BullMQ's job schedulers (`upsertJobScheduler`): BullMQ produces exactly one job
 * per tick however many processes run, creating each next job when a worker takes the current
 * one. jobq keeps each schedule's spec beside it ({@link ScheduleStore}) to pause, resume and show
 * where it was declared. The produced jobs get the queue policy's attempts, backoff and priority
 * as they are when the schedule is saved, under the schedule's own `opts`.
 */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly store: ScheduleStore,
    private readonly registry: QueueRegistry,
    private readonly policies: PolicyStore,
    private readonly jobs: JobService,
  ) {}

  /**
   * Creates or replaces schedule `id` of `queue` with `body`; the same body again changes nothing.
   * @param declared - the worker app declaring it in code, if it is.
   * @throws InvalidScheduleError, InvalidNameError, InvalidPayloadError, PayloadTooLargeError
   */
  async upsert(
    queue: string,
    id: string,
    body: unknown,
    declared?: string,
  ): Promise<UpsertedSchedule> {
    assertValidName(queue);
    assertValidName(id, 'schedule');
    const spec = validateSchedule(body);
    const policy = await this.policies.get(queue);
    assertPayload(spec.data ?? {}, policy.max_payload_bytes, 'data');
    const existing = await this.store.get(queue, id);
    const now = Date.now();
    const declaredBy = declared ? { app: declared } : existing?.declared;
    if (
      existing &&
      isDeepStrictEqual(existing.spec, spec) &&
      isDeepStrictEqual(existing.declared, declaredBy)
    ) {
      return { schedule: await this.view(queue, id, existing), created: false, changed: false };
    }
    const record: ScheduleRecord = {
      spec,
      paused: existing?.paused ?? false,
      ...(declaredBy ? { declared: declaredBy } : {}),
      created_at: existing?.created_at ?? now,
      updated_at: now,
    };
    await this.registry.register(queue);
    if (existing) await this.store.put(queue, id, record);
    // apps booting together all declare it: the first saves it, the others then find it saved
    else if (!(await this.store.create(queue, id, record)))
      return this.upsert(queue, id, body, declared);
    if (!record.paused) await this.start(queue, id, spec);
    return { schedule: await this.view(queue, id, record), created: !existing, changed: true };
  }

  /** One schedule. @throws ScheduleNotFoundError */
  async get(queue: string, id: string): Promise<ScheduleView> {
    return this.view(queue, id, await this.record(queue, id));
  }

  /** Every schedule of `queue`, or of every queue, by queue then id. */
  async list(queue?: string): Promise<ScheduleView[]> {
    if (queue !== undefined) assertValidName(queue);
    const queues = queue === undefined ? await this.store.queues() : [queue];
    const views = await Promise.all(
      queues.map(async (q) => {
        const records = [...(await this.store.all(q))].sort(([a], [b]) => a.localeCompare(b));
        return Promise.all(records.map(([id, record]) => this.view(q, id, record)));
      }),
    );
    return views.flat();
  }

  /** Deletes a schedule: no more jobs (jobs already produced stay). @throws ScheduleNotFoundError */
  async remove(queue: string, id: string): Promise<void> {
    assertValidName(queue);
    const removed = await this.registry.queue(queue).removeJobScheduler(id);
    if (!(await this.store.remove(queue, id)) && !removed)
      throw new ScheduleNotFoundError(queue, id);
  }

  /** Stops producing jobs until {@link resume}; the schedule is kept. @throws ScheduleNotFoundError */
  async pause(queue: string, id: string): Promise<ScheduleView> {
    const record = await this.record(queue, id);
    const paused = { ...record, paused: true, updated_at: Date.now() };
    await this.store.put(queue, id, paused);
    await this.registry.queue(queue).removeJobScheduler(id);
    return this.view(queue, id, paused);
  }

  /** Produces jobs again from the next tick on. @throws ScheduleNotFoundError */
  async resume(queue: string, id: string): Promise<ScheduleView> {
    const record = await this.record(queue, id);
    const resumed = { ...record, paused: false, updated_at: Date.now() };
    await this.store.put(queue, id, resumed);
    await this.start(queue, id, record.spec);
    return this.view(queue, id, resumed);
  }

  /** Enqueues one job of the schedule now, outside its ticks. @throws ScheduleNotFoundError */
  async runNow(queue: string, id: string): Promise<EnqueuedJob> {
    const { spec } = await this.record(queue, id);
    return this.jobs.enqueue(queue, spec.data ?? {}, { name: spec.name, ...spec.opts });
  }

  /**
   * Marks the schedules `app` declared in code on `queues` but declares no more (`ids` are the
   * ones it still declares), and returns them; they keep producing until deleted.
   */
  async markUndeclared(
    app: string,
    queues: string[],
    ids: Map<string, Set<string>>,
  ): Promise<ScheduleView[]> {
    const missing: ScheduleView[] = [];
    for (const queue of queues) {
      for (const [id, record] of await this.store.all(queue)) {
        if (record.declared?.app !== app || ids.get(queue)?.has(id)) continue;
        const marked: ScheduleRecord = {
          ...record,
          declared: { app, missing_since: record.declared.missing_since ?? Date.now() },
        };
        await this.store.put(queue, id, marked);
        missing.push(await this.view(queue, id, marked));
      }
    }
    return missing;
  }

  private async record(queue: string, id: string): Promise<ScheduleRecord> {
    assertValidName(queue);
    const record = await this.store.get(queue, id);
    if (!record) throw new ScheduleNotFoundError(queue, id);
    return record;
  }

  private async start(queue: string, id: string, spec: ScheduleSpec): Promise<void> {
    const policy = await this.policies.get(queue);
    await this.registry.queue(queue).upsertJobScheduler(id, repeatOptions(spec), {
      name: spec.name ?? DEFAULT_JOB_NAME,
      data: spec.data ?? {},
      opts: toJobOptions(policy, { priority: spec.opts?.priority, attempts: spec.opts?.attempts }),
    });
  }

  private async view(queue: string, id: string, record: ScheduleRecord): Promise<ScheduleView> {
    const bull = this.registry.queue(queue);
    const scheduler = record.paused ? undefined : await bull.getJobScheduler(id);
    const { spec } = record;
    return {
      queue,
      id,
      cron: spec.cron ?? null,
      tz: spec.cron !== undefined ? (spec.tz ?? 'UTC') : null,
      every_ms: spec.every_ms ?? null,
      description: describeSchedule(spec),
      name: spec.name ?? DEFAULT_JOB_NAME,
      data: spec.data ?? {},
      opts: spec.opts ?? {},
      start_at: spec.start_at ?? null,
      end_at: spec.end_at ?? null,
      limit: spec.limit ?? null,
      paused: record.paused,
      next_run_at: scheduler?.next ? new Date(scheduler.next).toISOString() : null,
      produced: produced(scheduler),
      last_job: scheduler ? await lastJob(bull, id, spec, scheduler) : null,
      declared_in_code: record.declared
        ? {
            app: record.declared.app,
            missing_since: record.declared.missing_since
              ? new Date(record.declared.missing_since).toISOString()
              : null,
          }
        : null,
      created_at: new Date(record.created_at).toISOString(),
      updated_at: new Date(record.updated_at).toISOString(),
    };
  }
}

function repeatOptions(spec: ScheduleSpec): Omit<RepeatOptions, 'key'> {
  return {
    pattern: spec.cron,
    tz: spec.cron !== undefined ? (spec.tz ?? 'UTC') : undefined,
    every: spec.every_ms,
    startDate: spec.start_at,
    endDate: spec.end_at,
    limit: spec.limit,
  };
}

/** Iterations BullMQ counted, less the next job (created ahead, still delayed). */
function produced(scheduler: JobSchedulerJson | undefined): number {
  const iterations = scheduler?.iterationCount ?? 0;
  return Math.max(0, iterations - (scheduler?.next ? 1 : 0));
}

/** The job of the tick before the next one (BullMQ ids them `repeat:<id>:<tick ms>`), if it is still kept. */
async function lastJob(
  bull: Queue,
  id: string,
  spec: ScheduleSpec,
  scheduler: JobSchedulerJson,
): Promise<ScheduleView['last_job']> {
  if (!scheduler.next || produced(scheduler) === 0) return null;
  const tick =
    spec.every_ms !== undefined
      ? scheduler.next - spec.every_ms
      : CronExpressionParser.parse(spec.cron ?? '', {
          currentDate: new Date(scheduler.next),
          tz: spec.tz ?? 'UTC',
        })
          .prev()
          .getTime();
  const jobId = `repeat:${id}:${tick}`;
  const state = await bull.getJobState(jobId);
  return state === 'unknown' ? null : { id: jobId, state };
}
