import type { JobqError } from './jobq.error';
import { RedisOutOfMemoryError } from './redis-out-of-memory.error';
import { RedisUnavailableError } from './redis-unavailable.error';

/**
 * What ioredis says when a command cannot reach Redis (offline queue off, retries spent, socket
 * gone), and what a Redis Cluster answers while it moves slots or fails over (a redirect the
 * client could not follow included): never a 500.
 */
const OUTAGE =
  /enableOfflineQueue|Connection is closed|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Stream isn't writeable|Command timed out|^LOADING|^MASTERDOWN|^(MOVED|ASK|CLUSTERDOWN|TRYAGAIN) |Too many Cluster redirections|Failed to refresh slots/;

/**
 * The domain error an ioredis failure stands for — {@link RedisUnavailableError} or
 * {@link RedisOutOfMemoryError} — or undefined when `err` is not about Redis being unavailable.
 */
export function redisFailure(err: unknown): JobqError | undefined {
  if (err instanceof RedisUnavailableError || err instanceof RedisOutOfMemoryError) return err;
  const { name, message = '' } = (err ?? {}) as { name?: string; message?: string };
  if (name === 'MaxRetriesPerRequestError' || OUTAGE.test(message))
    return new RedisUnavailableError();
  if (/^OOM /.test(message)) return new RedisOutOfMemoryError();
  return undefined;
}

/** Whether `err` only says Redis is unreachable (which `RedisConnections` logs once per outage). */
export function isRedisOutage(err: unknown): boolean {
  return redisFailure(err) instanceof RedisUnavailableError;
}
