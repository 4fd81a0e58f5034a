import type { onRequestHookHandler } from 'fastify';
import { InvalidPayloadError } from '@jobq/queue-core';

/** Headers a request may carry once: Node keeps the first of each silently, hiding the rest. */
const SINGLE = new Set(['authorization', 'content-type', 'content-length', 'host']);

/**
 * Refuses (400 `DUPLICATE_HEADER`) a request that repeats a header which cannot be repeated: with
 * two `Authorization` or `Content-Type` headers, which one the client meant is a guess.
 */
export const refuseRepeatedHeaders: onRequestHookHandler = (request, _reply, done) => {
  const raw = request.raw.rawHeaders;
  let seen: string[] | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i].toLowerCase();
    if (!SINGLE.has(name)) continue;
    if (seen?.includes(name)) {
      done(
        new InvalidPayloadError(
          `the ${raw[i]} header is sent more than once: send it once`,
          'DUPLICATE_HEADER',
        ),
      );
      return;
    }
    (seen ??= []).push(name);
  }
  done();
};
