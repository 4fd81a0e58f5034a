import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { readEmbeddedRedisRecord, writeEmbeddedRedisRecord } from '@jobq/queue-core';
import { Redis } from 'ioredis';
import { EmbeddedRedis, portIsFree } from './embedded-redis';

/**
 * Starts the embedded Redis of `dataDir` (its data in `<dataDir>/redis`) on the port it had last
 * time when that port is free, and records its URL in `<dataDir>/redis/embedded.json`, where an
 * app with `REDIS_URL` unset finds it. Refuses, naming the running one, when an embedded Redis of
 * this data directory already runs (a second `npm start` on it).
 */
export async function startRedisAtHome(dataDir: string): Promise<EmbeddedRedis> {
  const redisDir = resolve(dataDir, 'redis');
  const previous = readEmbeddedRedisRecord(dataDir);
  if (previous && (await servesDir(previous.url, redisDir)))
    throw new Error(
      `an embedded Redis already runs for ${redisDir} at ${previous.url} (npm start pid ${previous.launcher_pid}, redis-server pid ${previous.redis_pid}): stop that stack first, or give this one its own DATA_DIR`,
    );
  const port = previous && (await portIsFree(previous.port)) ? previous.port : 0;
  const redis = await EmbeddedRedis.start({ dataDir: redisDir, port });
  writeEmbeddedRedisRecord(dataDir, {
    url: redis.url,
    port: redis.port,
    redis_pid: redis.pid ?? -1,
    launcher_pid: process.pid,
    started_at: new Date().toISOString(),
  });
  return redis;
}

/** Whether a Redis answers at `url` with its data in `dir`. */
async function servesDir(url: string, dir: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const [, served] = (await client.config('GET', 'dir')) as string[];
    return realpathSync(served) === realpathSync(dir);
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
