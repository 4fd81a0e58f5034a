import { JobqError } from './jobq.error';

/** No job with this id in this queue (never existed, removed, or dropped by retention). */
export class JobNotFoundError extends JobqError {
  constructor(queue: string, id: string) {
    super('not_found', 'JOB_NOT_FOUND', `job ${JSON.stringify(id)} not found in queue ${queue}`);
  }
}
