import type { FastifyRequest } from 'fastify';
import type { ApiKey } from '@jobq/queue-core';

const CALLER = Symbol('jobq.apiKey');

/** The API key a request was authenticated with; `undefined` when keys are not configured. */
export function callerOf(request: FastifyRequest): ApiKey | undefined {
  return (request as FastifyRequest & { [CALLER]?: ApiKey })[CALLER];
}

/** Records the key a request was authenticated with (the API-key hook does). */
export function setCaller(request: FastifyRequest, key: ApiKey): void {
  (request as FastifyRequest & { [CALLER]?: ApiKey })[CALLER] = key;
}
