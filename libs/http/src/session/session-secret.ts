import { randomBytes } from 'node:crypto';
import type { RedisClient } from '@jobq/queue-core';

/**
 * The secret that signs session cookies: `DASHBOARD_SESSION_SECRET` when set; else one made by the
 * first dashboard process on this Redis (`SET NX`) and read by every other, so a session made by
 * one process is good on all of them.
 */
export async function sessionSecret(
  configured: string | undefined,
  redis: RedisClient,
  key: string,
): Promise<string> {
  if (configured) return configured;
  await redis.set(key, randomBytes(32).toString('base64url'), 'NX');
  const secret = await redis.get(key);
  if (!secret) throw new Error('the dashboard session secret could not be read back from Redis');
  return secret;
}
