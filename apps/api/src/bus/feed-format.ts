import type { FastifyRequest } from 'fastify';

/** How a bus route answers: JSON, or Atom (feed, entry or service document). */
export type FeedFormat = 'json' | 'atom';

/**
 * The answer's format: `?format=` wins, then the Accept header (Atom media types vs JSON),
 * then the route's default (JSON on `/bus`, Atom on AtomMQ's `/feeds`).
 */
export function negotiateFormat(
  request: FastifyRequest,
  format: FeedFormat | undefined,
  fallback: FeedFormat,
): FeedFormat {
  if (format) return format;
  const accept = (request.headers.accept ?? '').toLowerCase();
  const wantsAtom = /application\/atom(svc)?\+xml/.test(accept);
  const wantsJson = accept.includes('application/json');
  if (wantsAtom && !wantsJson) return 'atom';
  if (wantsJson && !wantsAtom) return 'json';
  return fallback;
}
