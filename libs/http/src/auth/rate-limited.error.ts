import type { RequestRate } from '@jobq/queue-core';

/** A key over its request rate (429); `Retry-After` says when to try again. */
export class RateLimitedError extends Error {
  readonly statusCode = 429;
  readonly code = 'RATE_LIMITED';

  constructor(key: string, rate: RequestRate, retryAfterS: number) {
    super(
      `API key "${key}" is over its rate of ${rate.text}: retry after ${retryAfterS} s (Retry-After), or ask for a higher rate in API_KEYS / API_RATE_LIMIT`,
    );
    this.name = 'RateLimitedError';
  }
}
