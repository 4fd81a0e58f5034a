import { applyDecorators } from '@nestjs/common';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Capability, rolesThatCan } from '@jobq/queue-core';

/** What a route needs: a capability (any key whose role holds it), or nothing (`public`). */
export type RouteAccess = Capability | 'public';

/** The route-config field that carries a route's {@link RouteAccess}. */
export const ROUTE_ACCESS = 'jobqAccess';

/** The security scheme of the OpenAPI document: an API key sent as a bearer token. */
export const BEARER_SCHEME = 'api-key';

/** The OpenAPI extension naming what an operation needs and which roles have it. */
export const ACCESS_EXTENSION = 'x-jobq-access';

/**
 * Declares what a route needs, next to it: a caller — an API key, a logged-in dashboard user —
 * whose role holds `capability` (SPEC §8). `enforceRouteAccess` checks it in a Fastify
 * `onRequest` hook before anything else runs (parsing, guards, validation); the OpenAPI document
 * shows the bearer scheme, the roles and the 401/403 answers. On a controller class, it is what
 * every route of the class needs unless the route declares its own. An app that enforces route
 * access refuses to start with a route that declares none.
 */
export function Requires(capability: Capability): MethodDecorator & ClassDecorator {
  const roles = rolesThatCan(capability);
  return applyDecorators(
    routeAccess(capability),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension(ACCESS_EXTENSION, { capability, roles }),
    ApiUnauthorizedResponse({ description: 'no API key, or not a valid one' }),
    ApiForbiddenResponse({ description: `the caller's role is not ${roles.join(', ')}` }),
  );
}

/** Declares a route open to anyone, keys or login or not (health, the login page). */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(routeAccess('public'), ApiExtension(ACCESS_EXTENSION, 'public'));
}

/**
 * Adds `{ jobqAccess }` to a route's Fastify config, keeping what `@RouteConfig` put there; on a
 * class, to each of its methods that declares none (method decorators run before the class's).
 */
function routeAccess(access: RouteAccess): MethodDecorator & ClassDecorator {
  return ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      declare(descriptor.value as object, access, true);
      return descriptor;
    }
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown;
      if (name !== 'constructor' && typeof method === 'function') declare(method, access, false);
    }
    return undefined;
  }) as MethodDecorator & ClassDecorator;
}

function declare(handler: object, access: RouteAccess, override: boolean): void {
  const config = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as
    Record<string, unknown> | undefined;
  if (!override && config?.[ROUTE_ACCESS] !== undefined) return;
  Reflect.defineMetadata(
    FASTIFY_ROUTE_CONFIG_METADATA,
    { ...config, [ROUTE_ACCESS]: access },
    handler,
  );
}
