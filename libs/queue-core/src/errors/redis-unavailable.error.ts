import { JobqError } from './jobq.error';

/** Redis cannot be reached right now; the request may be repeated shortly. */
export class RedisUnavailableError extends JobqError {
  constructor() {
    super('unavailable', 'REDIS_UNAVAILABLE', 'redis is unavailable, try again shortly');
  }
}
