import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import type { RedisKeys } from '@jobq/queue-core';
import type { FastifyInstance } from 'fastify';
import type { RedisClient } from '@jobq/queue-core';
import { RedisSessionStore } from './redis-session.store';
import { sessionGate, type SessionGateOptions } from './session-gate';
import { sessionSecret } from './session-secret';
import type { UserDirectory } from './user-directory';

/** What {@link useSessions} needs. */
export interface SessionOptions extends SessionGateOptions {
  /** The session cookie's name. */
  cookieName: string;
  /** How long a login lasts, in ms. */
  ttlMs: number;
  /** The configured cookie-signing secret; unset: one made once and kept in Redis. */
  secret?: string;
  /** Where in jobq's keys the sessions and the secret live (`<prefix>:_jobq:<namespace>:…`). */
  namespace: string;
  redis: RedisClient;
  keys: RedisKeys;
  users: UserDirectory;
}

/**
 * Logins for an HTTP app: a signed session cookie (HttpOnly, SameSite=Strict, Secure when the
 * request came over TLS) whose session lives in Redis for `ttlMs` — so every process of the app
 * sees it and a logout ends it everywhere — and the {@link sessionGate} in front of every route.
 * Call before the app registers its routes.
 */
export async function useSessions(
  fastify: FastifyInstance,
  options: SessionOptions,
): Promise<void> {
  const { redis, keys, namespace } = options;
  await fastify.register(fastifyCookie);
  await fastify.register(fastifySession, {
    secret: await sessionSecret(options.secret, redis, keys.key(namespace, 'session-secret')),
    cookieName: options.cookieName,
    // Secure is set per request by `logIn` over TLS (`secure: 'auto'` would drop SameSite=Strict).
    cookie: { httpOnly: true, sameSite: 'strict', secure: false, path: '/', maxAge: options.ttlMs },
    store: new RedisSessionStore(redis, (id) => keys.key(namespace, 'session', id), options.ttlMs),
    saveUninitialized: false,
  });
  fastify.addHook('onRequest', sessionGate(options.users, options));
}
