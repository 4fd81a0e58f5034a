import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  RouteOptions,
} from 'fastify';
import { Capability, can, JobqError, RoleRequiredError } from '@jobq/queue-core';
import { replyWithError } from '../jobq-error-reply';
import { Caller, setCaller } from './caller';
import { ROUTE_ACCESS, RouteAccess } from './requires.decorator';

/** Finds who makes a request (setting any refusal headers on `reply`), or the error to refuse it with (401). */
export type Authenticate = (request: FastifyRequest, reply: FastifyReply) => Caller | JobqError;

/** How {@link enforceRouteAccess} treats the app's routes. */
export interface RouteAccessOptions {
  /** Who calls; unset when nobody is configured, and every route is open (the loopback rule keeps it local). */
  authenticate?: Authenticate;
  /** Anything a 403 answer adds (the bearer scheme's `WWW-Authenticate`). */
  forbidden?(reply: FastifyReply): void;
  /** What routes that cannot carry a declaration need (those a plugin registers: `/docs`, bull-board). */
  undeclared?(url: string): RouteAccess | undefined;
}

const ACCESS_HOOK = Symbol('jobq.accessHook');

/**
 * Makes every route of `fastify` registered from now on carry its declared access (`@Requires`,
 * `@Public`): a route without one stops the boot, naming it. With a way to authenticate, each
 * protected route gets an `onRequest` hook, its first, that finds the caller — an API key, a
 * logged-in user — and checks its role: the authenticator's refusal (401) without a caller, 403
 * naming the roles that may when its role may not. One mechanism for the API's keys and the
 * dashboard's users. Call before the app registers its routes.
 */
export function enforceRouteAccess(fastify: FastifyInstance, options: RouteAccessOptions): void {
  const hooks = new Map<Capability, onRequestHookHandler>();
  const { authenticate } = options;
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const access = declaredAccess(route, options);
    if (access === 'public' || !authenticate) return;
    let hook = hooks.get(access);
    if (!hook) hooks.set(access, (hook = accessHook(authenticate, access, options.forbidden)));
    const existing = [route.onRequest ?? []].flat();
    if (!existing.some((h) => ACCESS_HOOK in h)) route.onRequest = [hook, ...existing];
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

function accessHook(
  authenticate: Authenticate,
  needs: Capability,
  forbidden: RouteAccessOptions['forbidden'],
): onRequestHookHandler {
  const hook: onRequestHookHandler = (request, reply, done) => {
    const caller = authenticate(request, reply);
    if (caller instanceof JobqError) return replyWithError(reply, caller);
    setCaller(request, caller);
    if (can(caller.role, needs)) return done();
    forbidden?.(reply);
    return replyWithError(reply, new RoleRequiredError(needs, caller));
  };
  return Object.assign(hook, { [ACCESS_HOOK]: true });
}
