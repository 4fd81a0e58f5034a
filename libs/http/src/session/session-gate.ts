import type { FastifyReply, FastifyRequest } from 'fastify';
import { JobqError } from '@jobq/queue-core';
import { replyWithError } from '../jobq-error-reply';
import type { UserDirectory } from './user-directory';
import { OPEN_VIEWER } from './viewer';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where a session gate sends visitors, and which routes it leaves open. */
export interface SessionGateOptions {
  /** The login page (`/login`): a visitor without a session is sent there with `?next=`. */
  loginPath: string;
  /** Routes anyone may reach without logging in (the login page, assets, health). */
  isPublic(url: string): boolean;
}

/**
 * Whether a request may change something: safe methods always; others only from a page of this
 * app — `Sec-Fetch-Site: same-origin`, or where a browser sends no fetch metadata, an `Origin`
 * equal to this server's (as Sidekiq 8 and Faktory check). A request with neither is refused.
 */
export function isSameOrigin(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = request.headers.origin;
  return origin !== undefined && origin === `${request.protocol}://${request.host}`;
}

/**
 * The gate of a session-based app, an `onRequest` hook on the whole Fastify instance — Nest
 * routes and plugins (bull-board) alike: refuses cross-site state changes (403), lets public
 * routes through, and sets `request.viewer` from the session (or to everyone's
 * {@link OPEN_VIEWER} when no users are configured). Without a session, a page is redirected to
 * the login, anything else gets 401. What each route needs of the viewer's role is the business
 * of `enforceRouteAccess`.
 */
export function sessionGate(users: UserDirectory, options: SessionGateOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> => {
    if (!isSameOrigin(request)) {
      return replyWithError(
        reply,
        new JobqError(
          'forbidden',
          'CROSS_SITE',
          'cross-site request refused: act from this app’s own pages',
        ),
      );
    }
    if (options.isPublic(request.url)) return;
    if (users.open) {
      request.viewer = OPEN_VIEWER;
      return;
    }
    const name = request.session.get('user');
    const user = name === undefined ? undefined : users.find(name);
    if (user) {
      request.viewer = { name: user.name, role: user.role, open: false };
      return;
    }
    const login = `${options.loginPath}?${new URLSearchParams({ next: request.url })}`;
    if (request.headers['hx-request']) {
      void reply.header('HX-Redirect', login);
    } else if (request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')) {
      return reply.redirect(login, 302);
    }
    return replyWithError(
      reply,
      new JobqError('unauthorized', 'UNAUTHORIZED', `log in first: ${options.loginPath}`),
    );
  };
}
