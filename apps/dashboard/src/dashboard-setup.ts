import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { enforceRouteAccess, UserDirectory, useSessions } from '@jobq/http';
import { JobqConfig, JobqError, RedisConnections, RedisKeys } from '@jobq/queue-core';
import type { FastifyInstance } from 'fastify';
import { registerStaticAssets } from './assets/static-assets';
import { isPublicPath, PATHS } from './routes';

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
  await useSessions(fastify, {
    cookieName: SESSION_COOKIE,
    ttlMs,
    secret: config.DASHBOARD_SESSION_SECRET,
    namespace: 'dashboard',
    redis,
    keys,
    users,
    loginPath: PATHS.login,
    isPublic: isPublicPath,
  });
  enforceRouteAccess(fastify, {
    authenticate: (request) =>
      request.viewer
        ? { kind: 'user', name: request.viewer.name, role: request.viewer.role }
        : new JobqError('unauthorized', 'UNAUTHORIZED', `log in first: ${PATHS.login}`),
    undeclared: (url) =>
      url.startsWith(PATHS.board) ? 'read' : isPublicPath(url) ? 'public' : undefined,
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
  fastify.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('Server-Timing', `app;dur=${reply.elapsedTime.toFixed(1)}`);
    return payload;
  });
}
