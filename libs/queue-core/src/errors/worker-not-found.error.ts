import { JobqError } from './jobq.error';

/** No worker record with that id (never registered, unregistered, or dropped after an hour lost). */
export class WorkerNotFoundError extends JobqError {
  constructor(workerId: string) {
    super(
      'not_found',
      'WORKER_NOT_FOUND',
      `no worker ${JSON.stringify(workerId)}: it never registered, or it was unregistered or dropped`,
    );
  }
}
