import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { JobqError } from '@jobq/queue-core';
import type { FastifyRequest } from 'fastify';
import type { Viewer } from '@jobq/http';

/** Who does an action, and from which address: what the audit trail records. */
export interface Actor {
  viewer: Viewer;
  from: string;
}

/** The request's {@link Actor}. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  if (!request.viewer) throw new JobqError('unauthorized', 'UNAUTHORIZED', 'log in first');
  return { viewer: request.viewer, from: request.ip };
});
