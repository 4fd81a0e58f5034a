import { JobqError } from './jobq.error';

/** A job payload or enqueue option that cannot be used; the message says what to send instead. */
export class InvalidPayloadError extends JobqError {
  constructor(message: string, code = 'INVALID_PAYLOAD', details?: unknown) {
    super('invalid', code, message, details);
  }
}
