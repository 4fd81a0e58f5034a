import { JobqError } from './jobq.error';

/** A queue, topic or job name that does not match {@link NAME_PATTERN}. */
export class InvalidNameError extends JobqError {
  constructor(what: string, value: unknown, rule: string) {
    super(
      'invalid',
      'INVALID_NAME',
      `invalid ${what} name ${JSON.stringify(value)}: it must match ${rule} (a letter or digit, then up to 127 letters, digits, '.', '_' or '-')`,
    );
  }
}
