import type { DashboardUser } from '@jobq/queue-core';
import type { FastifyRequest } from 'fastify';

/**
 * Starts `user`'s session on this request: a fresh session id (no fixation), the cookie Secure
 * when the request came over TLS (set here: `@fastify/session`'s `secure: 'auto'` would drop
 * SameSite=Strict on plain HTTP), the user's name in it (the role is read from the configuration
 * on each request, so a changed role takes effect at once).
 */
export async function logIn(request: FastifyRequest, user: DashboardUser): Promise<void> {
  await request.session.regenerate();
  if (request.protocol === 'https') request.session.cookie.secure = true;
  request.session.set('user', user.name);
}

/** Ends the request's session at once, in every process (it is deleted from Redis). */
export async function logOut(request: FastifyRequest): Promise<void> {
  await request.session.destroy();
}
