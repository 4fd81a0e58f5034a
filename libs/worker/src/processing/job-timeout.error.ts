import { JobqError } from '@jobq/queue-core';

/** A job ran past its queue's `timeout_ms`: the attempt fails (and is retried per its attempts). */
export class JobTimeoutError extends JobqError {
  constructor(readonly timeoutMs: number) {
    super('timeout', 'JOB_TIMEOUT', `job timed out after ${timeoutMs} ms`);
  }
}
