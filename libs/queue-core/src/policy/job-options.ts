import type { JobsOptions, WorkerOptions } from 'bullmq';
import { QueuePolicy } from './queue-policy';

/**
 * BullMQ job options from a queue's policy — attempts, backoff, default priority — with
 * `overrides` (options given at enqueue) winning over the policy; `undefined` overrides are
 * ignored. Retention is not stored per job: see {@link toRetention}.
 */
export function toJobOptions(policy: QueuePolicy, overrides: JobsOptions = {}): JobsOptions {
  const options: JobsOptions = {
    attempts: policy.attempts,
    backoff: { type: policy.backoff.type, delay: policy.backoff.delay_ms },
  };
  if (policy.default_priority > 0) options.priority = policy.default_priority;
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) (options as Record<string, unknown>)[key] = value;
  }
  return options;
}

/**
 * The policy's retention as BullMQ *worker* options: every jobq worker (and the HTTP pull path)
 * applies it when a job finishes, so a retention change reaches jobs already queued and no job
 * carries ~100 bytes of it (BullMQ uses the worker's setting when the job has none).
 */
export function toRetention(
  policy: QueuePolicy,
): Pick<WorkerOptions, 'removeOnComplete' | 'removeOnFail'> {
  const { completed, failed } = policy.retention;
  return {
    removeOnComplete: { count: completed.count, age: completed.age_s },
    removeOnFail: { count: failed.count, age: failed.age_s },
  };
}
