import { InvalidPayloadError } from '../errors/invalid-payload.error';
import { PayloadTooLargeError } from '../errors/payload-too-large.error';

/** A job payload: a JSON object. */
export type JobPayload = Record<string, unknown>;

/**
 * Returns `data` as a payload if it is a JSON object of at most `maxBytes` bytes of JSON;
 * throws {@link InvalidPayloadError} (400) or {@link PayloadTooLargeError} (413) otherwise.
 * @param what - how the message names it (`payload`, `jobs[3]`).
 */
export function assertPayload(data: unknown, maxBytes: number, what = 'payload'): JobPayload {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const got = data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data;
    throw new InvalidPayloadError(
      `${what} must be a JSON object like {"key":"value"} (got ${got})`,
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(data));
  if (bytes > maxBytes) throw new PayloadTooLargeError(bytes, maxBytes, what);
  return data as JobPayload;
}
