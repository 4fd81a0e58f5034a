import { JobqError } from './jobq.error';

/** A payload beyond the queue policy's `max_payload_bytes`. */
export class PayloadTooLargeError extends JobqError {
  constructor(bytes: number, max: number, what = 'payload') {
    super(
      'too_large',
      'PAYLOAD_TOO_LARGE',
      `${what} is ${bytes} bytes of JSON; this queue accepts at most ${max} (policy max_payload_bytes)`,
      { bytes, max_payload_bytes: max },
    );
  }
}
