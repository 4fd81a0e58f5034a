import { JobqError } from './jobq.error';

/** An action that the job's current state does not allow (retry a job that did not fail, …). */
export class JobStateError extends JobqError {
  constructor(message: string, details?: unknown) {
    super('conflict', 'JOB_STATE', message, details);
  }
}
