import type { FastifyReply } from 'fastify';

/** Answers 303 See Other to `location` (after a form post or a look-up that found one thing). */
export function seeOther(reply: FastifyReply, location: string): string {
  void reply.code(303).header('Location', location);
  return '';
}
