import type { FastifyInstance } from 'fastify';

/** bull-board's own page sets inline styles (a loading spinner), so its CSP allows those, nothing else. */
const BOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/** The web-font stylesheet bull-board's page links from a public font host. */
const REMOTE_FONTS = /<link[^>]+href="https?:\/\/[^"]*fonts[^"]*"[^>]*>\s*/gi;

/**
 * Hooks on bull-board's scope: it stays read-only (anything but GET/HEAD is refused, 403 — act
 * from jobq's pages), its page loads nothing from outside the machine (the remote font link is
 * dropped; the system fonts show instead), and it answers with its own CSP.
 */
export function boardGuard(scope: FastifyInstance): void {
  scope.addHook('onRequest', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    return reply.code(403).header('content-type', 'application/json; charset=utf-8').send({
      error: 'bull-board is read-only here: retry, clean, promote and delete from the jobq pages',
      code: 'FORBIDDEN',
    });
  });
  scope.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('content-security-policy', BOARD_CSP);
    const type = String(reply.getHeader('content-type') ?? '');
    if (typeof payload === 'string' && type.startsWith('text/html'))
      return payload.replace(REMOTE_FONTS, '');
    return payload;
  });
}
