import type { JobsOptions } from 'bullmq';
import { QueuePolicy } from './queue-policy';

/**
 * BullMQ job options from a queue's policy — attempts, backoff, default priority, retention —
 * with `overrides` (options given at enqueue) winning over the policy; `undefined` overrides are
 * ignored.
 */
export function toJobOptions(policy: QueuePolicy, overrides: JobsOptions = {}): JobsOptions {
  const { completed, failed } = policy.retention;
  const options: JobsOptions = {
    attempts: policy.attempts,
    backoff: { type: policy.backoff.type, delay: policy.backoff.delay_ms },
    removeOnComplete: { count: completed.count, age: completed.age_s },
    removeOnFail: { count: failed.count, age: failed.age_s },
  };
  if (policy.default_priority > 0) options.priority = policy.default_priority;
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) (options as Record<string, unknown>)[key] = value;
  }
  return options;
}
