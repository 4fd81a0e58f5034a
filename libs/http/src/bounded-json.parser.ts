import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidPayloadError } from '@jobq/queue-core';

/** Deepest nesting of objects and arrays a JSON body may have (SPEC §8: JSON depth bounded). */
export const MAX_JSON_DEPTH = 64;

type Done = (err: Error | null, body?: unknown) => void;

/**
 * Fastify's own JSON parser (prototype poisoning refused), behind a depth check: a body nested
 * deeper than {@link MAX_JSON_DEPTH} is a 400 before it is parsed, so no later step (validation,
 * size checks, serialization) recurses through 100,000 levels and runs out of stack. The check is
 * one pass over the bytes, skipping strings.
 */
export function boundedJsonParser(
  fastify: FastifyInstance,
): (request: FastifyRequest, body: Buffer, done: Done) => void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request, body, done) => {
    if (nestedDeeperThan(body, MAX_JSON_DEPTH)) {
      done(
        new InvalidPayloadError(
          `the JSON body is nested deeper than ${MAX_JSON_DEPTH} levels: send a flatter document`,
          'JSON_TOO_DEEP',
        ),
      );
      return;
    }
    parse(request, body as unknown as string, done);
  };
}

function nestedDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
