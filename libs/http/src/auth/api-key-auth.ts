import type { FastifyInstance, onRequestHookHandler, RouteOptions } from 'fastify';
import {
  ApiKeyRequiredError,
  ApiKeyRing,
  Capability,
  can,
  RoleRequiredError,
} from '@jobq/queue-core';
import { setCaller } from './caller';
import { ROUTE_ACCESS, RouteAccess } from './requires.decorator';

/** How {@link enforceRouteAccess} treats the app's routes. */
export interface RouteAccessOptions {
  /** The configured keys; with none, every route is open (the loopback rule keeps it local). */
  keys: ApiKeyRing;
  /** What routes that cannot carry a declaration need (those a plugin registers: `/docs`). */
  undeclared?(url: string): RouteAccess | undefined;
}

const REALM = 'Bearer realm="jobq"';
const AUTH_HOOK = Symbol('jobq.apiKeyHook');

/**
 * Makes every route of `fastify` registered from now on carry its declared access
 * (`@Requires`, `@Public`): a route without one stops the boot, naming it. With keys configured,
 * each protected route gets an `onRequest` hook that reads `Authorization: Bearer <secret>`,
 * finds the key in constant time and checks its role — 401 (with `WWW-Authenticate`) without a
 * valid key, 403 naming the roles that may. The hook is the route's first, so nothing else runs
 * for a refused request; public routes get none. Call before the app registers its routes.
 */
export function enforceRouteAccess(fastify: FastifyInstance, options: RouteAccessOptions): void {
  const hooks = new Map<Capability, onRequestHookHandler>();
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const access = declaredAccess(route, options);
    if (access === 'public' || !options.keys.configured) return;
    let hook = hooks.get(access);
    if (!hook) hooks.set(access, (hook = apiKeyHook(options.keys, access)));
    const existing = [route.onRequest ?? []].flat();
    if (!existing.some((h) => AUTH_HOOK in h)) route.onRequest = [hook, ...existing];
  });
}

function declaredAccess(route: RouteOptions, options: RouteAccessOptions): RouteAccess {
  const config = route.config as { [ROUTE_ACCESS]?: RouteAccess } | undefined;
  const access = config?.[ROUTE_ACCESS] ?? options.undeclared?.(route.url);
  if (access === undefined) {
    throw new Error(
      `route ${String(route.method)} ${route.url} declares no access: put @Requires(<capability>) or @Public() (from @jobq/http) next to it`,
    );
  }
  return access;
}

function apiKeyHook(keys: ApiKeyRing, needs: Capability): onRequestHookHandler {
  const hook: onRequestHookHandler = (request, reply, done) => {
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      void reply.header('www-authenticate', REALM);
      return done(new ApiKeyRequiredError('missing'));
    }
    if (header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') {
      void reply.header('www-authenticate', REALM);
      return done(new ApiKeyRequiredError('scheme'));
    }
    const key = keys.identify(header.slice(7).trim());
    if (!key) {
      void reply.header('www-authenticate', `${REALM}, error="invalid_token"`);
      return done(new ApiKeyRequiredError('invalid'));
    }
    setCaller(request, key);
    if (!can(key.role, needs)) {
      void reply.header('www-authenticate', `${REALM}, error="insufficient_scope"`);
      return done(new RoleRequiredError(needs, { kind: 'key', name: key.name, role: key.role }));
    }
    done();
  };
  return Object.assign(hook, { [AUTH_HOOK]: true });
}
