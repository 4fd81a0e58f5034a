import type { FastifyReply, FastifyRequest } from 'fastify';
import { href, isPublicPath, PATHS } from '../routes';
import type { UserDirectory } from './user-directory';
import { OPEN_VIEWER } from './viewer';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may change something: safe methods always; others only from a page of this
 * dashboard — `Sec-Fetch-Site: same-origin`, or where a browser sends no fetch metadata, an
 * `Origin` equal to this server's (as Sidekiq 8 and Faktory check). A request with neither is refused.
 */
export function isSameOrigin(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin';
  const origin = request.headers.origin;
  return origin !== undefined && origin === `${request.protocol}://${request.host}`;
}

/**
 * The dashboard's gate, an `onRequest` hook on the whole Fastify instance — Nest routes, bull-board
 * and everything else alike: refuses cross-site state changes (403), lets public routes through,
 * and sets `request.viewer` from the session (or to everyone's {@link OPEN_VIEWER} when no users
 * are configured). Without a session, a page is redirected to the login, anything else gets 401.
 */
export function authHook(users: UserDirectory) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> => {
    if (!isSameOrigin(request)) {
      return refuse(
        reply,
        403,
        'CROSS_SITE',
        'cross-site request refused: act from the dashboard’s own pages',
      );
    }
    if (isPublicPath(request.url)) return;
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
    const login = href(PATHS.login, {}, { next: request.url });
    if (request.headers['hx-request']) {
      void reply.header('HX-Redirect', login);
    } else if (request.method === 'GET' && acceptsHtml(request)) {
      return reply.redirect(login, 302);
    }
    return refuse(reply, 401, 'UNAUTHORIZED', `log in first: ${PATHS.login}`);
  };
}

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}

function refuse(reply: FastifyReply, status: number, code: string, error: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({ error, code });
}
