import type { FastifyRequest } from 'fastify';
import type { Role } from '@jobq/queue-core';

/** Who a request was made by: an API key or a logged-in user, by name (never a secret), and its role. */
export interface Caller {
  kind: 'key' | 'user';
  name: string;
  role: Role;
}

const CALLER = Symbol('jobq.caller');

/** The caller a request was authenticated as; `undefined` when nobody is configured (open). */
export function callerOf(request: FastifyRequest): Caller | undefined {
  return (request as FastifyRequest & { [CALLER]?: Caller })[CALLER];
}

/** Records who a request was authenticated as (route access does). */
export function setCaller(request: FastifyRequest, caller: Caller): void {
  (request as FastifyRequest & { [CALLER]?: Caller })[CALLER] = caller;
}
