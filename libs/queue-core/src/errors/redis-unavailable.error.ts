import { JobqError } from './jobq.error';

/**
 * Redis cannot be reached right now: down, restarting, or not yet connected. Nothing was written;
 * the same request may be repeated once it is back (HTTP: 503 with `Retry-After`).
 */
export class RedisUnavailableError extends JobqError {
  constructor() {
    super('unavailable', 'REDIS_UNAVAILABLE', 'redis is unavailable, try again shortly');
  }
}
