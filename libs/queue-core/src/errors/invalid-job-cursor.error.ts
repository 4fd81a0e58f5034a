import { JobqError } from './jobq.error';

/** A job-listing cursor that no earlier page handed out (or one of another state's listing). */
export class InvalidJobCursorError extends JobqError {
  constructor(cursor: string) {
    super(
      'invalid',
      'INVALID_CURSOR',
      `cursor ${JSON.stringify(cursor)} is not the "next" of an earlier page of this listing: leave it out to start from the first page`,
      { cursor },
    );
  }
}
