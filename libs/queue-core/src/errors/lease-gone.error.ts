import { JobqError } from './jobq.error';

/** An ack or fail whose lease token no longer holds the job (expired, wrong, or already used). */
export class LeaseGoneError extends JobqError {
  constructor(queue: string, id: string) {
    super(
      'conflict',
      'LEASE_GONE',
      `the lease on job ${id} of queue ${queue} is gone (wrong token, expired, or already acknowledged): the job was or will be handed out again, so pull again`,
      { queue, id },
    );
  }
}
