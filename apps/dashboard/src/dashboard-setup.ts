import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { JobqConfig, RedisConnections, RedisKeys } from '@jobq/queue-core';
import type { FastifyInstance } from 'fastify';
import { registerStaticAssets } from './assets/static-assets';
import { authHook } from './auth/auth.hook';
import { RedisSessionStore } from './auth/redis-session.store';
import { sessionSecret } from './auth/session-secret';
import { UserDirectory } from './auth/user-directory';

/** The session cookie's name. */
export const SESSION_COOKIE = 'jobq_session';

/**
 * The strict Content-Security-Policy of every page: nothing inline, nothing from another origin.
 * bull-board gets its own (see `board/`).
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * Sets up the dashboard's Fastify instance before Nest adds its routes: security headers (strict
 * CSP), sessions in Redis (signed cookie, HttpOnly, SameSite=Strict, Secure over
 * TLS, expiring after `DASHBOARD_SESSION_TTL_S`), the login rate limit (counted in Redis), the
 * static assets, the gate ({@link authHook}) in front of every route — bull-board included — and
 * a `Server-Timing` header with the server's time for each answer.
 */
export async function prepareDashboard(app: NestFastifyApplication): Promise<void> {
  const config = app.get(JobqConfig);
  const connections = app.get(RedisConnections);
  await connections.ready();
  const redis = connections.client;
  const keys = app.get(RedisKeys);
  const users = app.get(UserDirectory);
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const ttlMs = config.DASHBOARD_SESSION_TTL_S * 1000;

  await fastify.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    strictTransportSecurity: false,
  });
  await fastify.register(fastifyCookie);
  await fastify.register(fastifySession, {
    secret: await sessionSecret(
      config.DASHBOARD_SESSION_SECRET,
      redis,
      keys.key('dashboard', 'session-secret'),
    ),
    cookieName: SESSION_COOKIE,
    cookie: { httpOnly: true, sameSite: 'strict', secure: false, path: '/', maxAge: ttlMs },
    store: new RedisSessionStore(redis, (id) => keys.key('dashboard', 'session', id), ttlMs),
    saveUninitialized: false,
  });
  await fastify.register(fastifyRateLimit, {
    global: false,
    redis,
    nameSpace: `${keys.key('dashboard', 'login-rate')}:`,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: `too many login attempts: try again in ${context.after}`,
      code: 'TOO_MANY_ATTEMPTS',
    }),
  });
  await registerStaticAssets(fastify);
  fastify.addHook('onRequest', authHook(users));
  fastify.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('Server-Timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    return payload;
  });
}
