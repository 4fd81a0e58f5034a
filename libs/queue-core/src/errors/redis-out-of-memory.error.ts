import { JobqError } from './jobq.error';

/**
 * Redis is at its `maxmemory` and, with `noeviction`, refuses writes rather than drop keys: this
 * write was refused and nothing stored was lost (HTTP: 503 with `Retry-After`).
 */
export class RedisOutOfMemoryError extends JobqError {
  constructor() {
    super(
      'unavailable',
      'REDIS_OUT_OF_MEMORY',
      'redis is out of memory (maxmemory reached, noeviction): nothing was written and nothing stored is lost; retry once jobs have drained or maxmemory is raised',
    );
  }
}
