import { JobqConfig } from '../config/jobq.config';
import { embeddedRedisRecordPath, readEmbeddedRedisRecord } from './embedded-redis-record';

/** Where a Redis URL is neither configured nor recorded by `npm start`, an app connects here. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The Redis a process uses, and why. */
export interface RedisUrlChoice {
  url: string;
  /** `REDIS_URL`; `embedded`: the one `npm start` recorded under `DATA_DIR`; `default`: 6379. */
  from: 'REDIS_URL' | 'embedded' | 'default';
  /** The embedded Redis record looked at (`<DATA_DIR>/redis/embedded.json`). */
  record?: string;
}

/**
 * `REDIS_URL` when set; else the embedded Redis `npm start` recorded under `DATA_DIR` (kept
 * across restarts of the stack, which reuses its port); else {@link DEFAULT_REDIS_URL}.
 */
export function chooseRedisUrl(config: JobqConfig): RedisUrlChoice {
  if (config.REDIS_URL) return { url: config.REDIS_URL, from: 'REDIS_URL' };
  const record = embeddedRedisRecordPath(config.DATA_DIR);
  const embedded = readEmbeddedRedisRecord(config.DATA_DIR);
  return embedded
    ? { url: embedded.url, from: 'embedded', record }
    : { url: DEFAULT_REDIS_URL, from: 'default', record };
}
