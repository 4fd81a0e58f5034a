import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Job, JobsOptions } from 'bullmq';
import { JobExistsError } from '../errors/job-exists.error';
import { JobNotFoundError } from '../errors/job-not-found.error';
import { JobStateError } from '../errors/job-state.error';
import { toJobOptions } from '../policy/job-options';
import { PolicyStore } from '../queues/policy.store';
import type { QueuePolicy } from '../policy/queue-policy';
import { assertValidName } from '../names/queue-name';
import { QueueRegistry } from '../queues/queue.registry';
import { batchItem } from './batch-item';
import type { EnqueuedJob } from './enqueued-job';
import { EnqueueOptions } from './enqueue-options';
import { toJobView, JobView } from './job-view';
import { assertPayload } from './payload';
import { QueueCountersStore } from '../queues/queue-counters.store';
import { RedisConnections } from '../redis/redis-connections';

/** What a job id can look like (BullMQ's own counter, or an id given at enqueue). */
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,255}$/;

/** Job name when none is given. */
export const DEFAULT_JOB_NAME = 'default';

/**
 * Producing and inspecting jobs: enqueue (one, a batch, a presque re-insert) with the queue
 * policy's defaults under the options given, look a job up, retry or remove it. The enqueue
 * path reads the policy from the in-process cache and costs one Redis round trip.
 */
@Injectable()
export class JobService {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly policies: PolicyStore,
    private readonly counters: QueueCountersStore,
    private readonly connections: RedisConnections,
  ) {}

  /**
   * Enqueues one payload.
   * @throws InvalidPayloadError, PayloadTooLargeError, InvalidNameError; JobExistsError when
   * `options.uniq` is held by an unfinished job.
   */
  async enqueue(queue: string, data: unknown, options: EnqueueOptions = {}): Promise<EnqueuedJob> {
    assertValidName(queue);
    const policy = await this.policies.get(queue);
    const payload = assertPayload(data, policy.max_payload_bytes);
    const name = assertValidName(options.name ?? DEFAULT_JOB_NAME, 'job');
    const opts = this.jobOptions(policy, options);
    await this.registry.register(queue);
    const job = await this.registry.queue(queue).add(name, payload, opts);
    if (options.uniq !== undefined && job.id !== opts.jobId) {
      throw new JobExistsError(queue, options.uniq, String(job.id));
    }
    return { id: String(job.id), queue, name, state: initialState(opts) };
  }

  /**
   * Enqueues a batch in one Redis round trip (BullMQ `addBulk`); each item is a payload or
   * `{name?, data, opts?}`. Nothing is enqueued if any item is invalid.
   */
  async enqueueBatch(queue: string, items: unknown[]): Promise<string[]> {
    assertValidName(queue);
    const policy = await this.policies.get(queue);
    const entries = items.map((item, index) => {
      const { data, options } = batchItem(item, index);
      return {
        name: assertValidName(options.name ?? DEFAULT_JOB_NAME, 'job'),
        data: assertPayload(data, policy.max_payload_bytes, `jobs[${index}]`),
        opts: this.jobOptions(policy, options),
      };
    });
    await this.registry.register(queue);
    const jobs = await this.registry.queue(queue).addBulk(entries);
    return jobs.map((job) => String(job.id));
  }

  /** presque re-insert of a plain payload: counts a failure, then enqueues the payload again. */
  async reinsert(queue: string, data: unknown, options: EnqueueOptions = {}): Promise<EnqueuedJob> {
    const job = await this.enqueue(queue, data, options);
    await this.counters.countReinsert(queue);
    return job;
  }

  /** The job with its state and logs. @throws JobNotFoundError */
  async find(queue: string, id: string): Promise<JobView> {
    const job = await this.job(queue, id);
    const [state, logs] = await Promise.all([
      job.getState(),
      this.registry.queue(queue).getJobLogs(id),
    ]);
    return toJobView(job, state, logs.logs);
  }

  /** Moves a failed job back to waiting. @throws JobNotFoundError; JobStateError unless failed. */
  async retry(queue: string, id: string): Promise<{ id: string; state: string }> {
    const job = await this.job(queue, id);
    const state = await job.getState();
    if (state !== 'failed') {
      throw new JobStateError(`job ${id} is ${state}: only a failed job can be retried`, {
        id,
        state,
      });
    }
    try {
      await job.retry('failed');
    } catch (err) {
      throw new JobStateError(`job ${id} cannot be retried: ${(err as Error).message}`, { id });
    }
    return { id, state: 'waiting' };
  }

  /** Runs a delayed job now. @throws JobNotFoundError; JobStateError unless delayed. */
  async promote(queue: string, id: string): Promise<{ id: string; state: string }> {
    const job = await this.job(queue, id);
    const state = await job.getState();
    if (state !== 'delayed') {
      throw new JobStateError(`job ${id} is ${state}: only a delayed job can be promoted`, {
        id,
        state,
      });
    }
    await job.promote();
    return { id, state: 'waiting' };
  }

  /**
   * The known queues holding a job with id `id` (one `EXISTS` per queue, pipelined): job ids are
   * per queue, so the same id may be in several.
   */
  async locate(id: string): Promise<string[]> {
    if (!JOB_ID.test(id)) return [];
    const queues = await this.registry.list();
    const found = await Promise.all(
      queues.map((queue) => this.connections.client.exists(this.registry.queue(queue).toKey(id))),
    );
    return queues.filter((_, i) => found[i] === 1);
  }

  /** Removes a job. @throws JobNotFoundError; JobStateError while it is leased or running. */
  async remove(queue: string, id: string): Promise<void> {
    const job = await this.job(queue, id);
    try {
      await job.remove();
    } catch (err) {
      if (!/locked/.test((err as Error).message)) throw err;
      throw new JobStateError(
        `job ${id} is active (leased or running): remove it once it has finished, failed or its lease has run out`,
        { id, state: 'active' },
      );
    }
  }

  private async job(queue: string, id: string): Promise<Job> {
    assertValidName(queue);
    if (!(await this.registry.has(queue))) throw new JobNotFoundError(queue, id);
    const job = await this.registry.queue(queue).getJob(id);
    if (!job) throw new JobNotFoundError(queue, id);
    return job;
  }

  private jobOptions(policy: QueuePolicy, options: EnqueueOptions): JobsOptions {
    const delay =
      options.delay ??
      (options.delayed === undefined ? undefined : options.delayed * 1000 - Date.now());
    const overrides: JobsOptions = {
      delay: delay !== undefined && delay > 0 ? delay : undefined,
      priority: options.priority,
      attempts: options.attempts,
    };
    if (options.uniq !== undefined) {
      overrides.jobId = randomUUID();
      overrides.deduplication = { id: options.uniq };
    }
    return toJobOptions(policy, overrides);
  }
}

function initialState(opts: JobsOptions): EnqueuedJob['state'] {
  if (opts.delay) return 'delayed';
  return opts.priority ? 'prioritized' : 'waiting';
}
