import { JobqError } from './jobq.error';

/** A pull found nothing to hand out (presque's `no job`). */
export class NoJobError extends JobqError {
  constructor() {
    super('not_found', 'NO_JOB', 'no job');
  }
}
