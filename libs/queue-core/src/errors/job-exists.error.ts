import { JobqError } from './jobq.error';

/** An enqueue with a `uniq` key while an unfinished job holds that key. */
export class JobExistsError extends JobqError {
  constructor(queue: string, uniq: string, existingId: string) {
    super('conflict', 'JOB_EXISTS', 'job already exists', { queue, uniq, id: existingId });
  }
}
