import type { Session } from 'fastify';
import type { RedisClient } from '@jobq/queue-core';

type Callback = (err?: unknown) => void;

/**
 * `@fastify/session`'s store on Redis: one string key per session with the session's lifetime
 * as its TTL, so every dashboard process sees the same sessions, a logout ends the session
 * everywhere at once, and an expired one is gone by itself.
 */
export class RedisSessionStore {
  /**
   * @param redis - the shared command connection.
   * @param keyOf - the Redis key of a session id.
   * @param ttlMs - how long a session lives.
   */
  constructor(
    private readonly redis: RedisClient,
    private readonly keyOf: (sessionId: string) => string,
    private readonly ttlMs: number,
  ) {}

  set(sessionId: string, session: Session, callback: Callback): void {
    this.redis
      .set(this.keyOf(sessionId), JSON.stringify(session), 'PX', this.ttlMs)
      .then(() => callback(), callback);
  }

  get(sessionId: string, callback: (err: unknown, session?: Session | null) => void): void {
    this.redis.get(this.keyOf(sessionId)).then((raw) => {
      if (raw === null) return callback(null, null);
      try {
        callback(null, JSON.parse(raw) as Session);
      } catch {
        callback(null, null);
      }
    }, callback);
  }

  destroy(sessionId: string, callback: Callback): void {
    this.redis.del(this.keyOf(sessionId)).then(() => callback(), callback);
  }
}
