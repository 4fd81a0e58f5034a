import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { JobqError } from '@jobq/queue-core';
import type { FastifyRequest } from 'fastify';
import type { Viewer } from './viewer';

/** The request's {@link Viewer}, set by the auth hook before any controller runs. */
export const CurrentViewer = createParamDecorator(
  (_: unknown, context: ExecutionContext): Viewer => {
    const viewer = context.switchToHttp().getRequest<FastifyRequest>().viewer;
    if (!viewer) throw new JobqError('unauthorized', 'UNAUTHORIZED', 'log in first');
    return viewer;
  },
);
