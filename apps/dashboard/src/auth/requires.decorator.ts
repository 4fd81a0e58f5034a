import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import type { Capability } from '@jobq/queue-core';
import { REQUIRES, RoleGuard } from './role.guard';

/** The capability (`roles.ts`) a route needs; the server refuses it to roles without it (403). */
export function Requires(capability: Capability): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(REQUIRES, capability), UseGuards(RoleGuard));
}
