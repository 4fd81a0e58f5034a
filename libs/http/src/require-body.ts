import { InvalidPayloadError } from '@jobq/queue-core';

/** The request body, or a 400 saying an empty body is not a job. */
export function requireBody(body: unknown): unknown {
  if (body === undefined || body === '') {
    throw new InvalidPayloadError(
      'the request body is empty: send a JSON object like {"key":"value"} with Content-Type: application/json',
      'EMPTY_BODY',
    );
  }
  return body;
}
