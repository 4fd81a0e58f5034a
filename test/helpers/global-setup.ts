import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianProgram } from '../../scripts/lib/debian-program';
import { EmbeddedRedis, REDIS_SERVER } from '../../scripts/lib/embedded-redis';
import { CHROMIUM } from './browser';

/**
 * Makes sure the programs the suite runs are there (redis-server, Debian's Chromium for the
 * browser tests), installing their Debian packages where it can, then starts the suite's own
 * redis-server on a free port and points every test at it through `REDIS_URL` (inherited by the
 * jest workers and by the app processes tests spawn). The suite never touches a Redis it did not
 * start.
 */
export default async function globalSetup(): Promise<void> {
  const bin = ensureDebianProgram(REDIS_SERVER);
  process.env.CHROMIUM_BIN = ensureDebianProgram(CHROMIUM);
  const redis = await EmbeddedRedis.start({
    dataDir: mkdtempSync(join(tmpdir(), 'jobq-test-redis-')),
    appendOnly: false,
    bin,
  });
  process.env.REDIS_URL = redis.url;
  (globalThis as { __jobqRedis?: EmbeddedRedis }).__jobqRedis = redis;
}
