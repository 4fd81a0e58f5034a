import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedRedis } from '../../scripts/lib/embedded-redis';

/**
 * Starts the suite's own redis-server on a free port and points every test at it through
 * `REDIS_URL` (inherited by the jest workers and by the app processes tests spawn). The suite
 * never touches a Redis it did not start.
 */
export default async function globalSetup(): Promise<void> {
  const redis = await EmbeddedRedis.start({
    dataDir: mkdtempSync(join(tmpdir(), 'jobq-test-redis-')),
    appendOnly: false,
  });
  process.env.REDIS_URL = redis.url;
  (globalThis as { __jobqRedis?: EmbeddedRedis }).__jobqRedis = redis;
}
