import { JobqError } from './jobq.error';

/** A bus message beyond the size a topic accepts. */
export class MessageTooLargeError extends JobqError {
  constructor(bytes: number, max: number) {
    super(
      'too_large',
      'MESSAGE_TOO_LARGE',
      `the message is ${bytes} bytes; a bus message may be at most ${max} bytes`,
      { bytes, max_bytes: max },
    );
  }
}
