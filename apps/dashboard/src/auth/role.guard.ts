import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, JobqError, type Capability } from '@jobq/queue-core';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from './forbidden.error';

/** Metadata key of `@Requires`: the capability a route needs. */
export const REQUIRES = 'jobq:dashboard:requires';

/** Lets a request through only if its viewer's role has the route's {@link Requires} capability. */
@Injectable()
export class RoleGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const needs = this.reflector.getAllAndOverride<Capability | undefined>(REQUIRES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const viewer = context.switchToHttp().getRequest<FastifyRequest>().viewer;
    if (!viewer) throw new JobqError('unauthorized', 'UNAUTHORIZED', 'log in first');
    if (needs && !can(viewer.role, needs)) throw new ForbiddenError(needs, viewer);
    return true;
  }
}
