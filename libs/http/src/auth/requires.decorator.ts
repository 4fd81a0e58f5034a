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
 * Declares what a route needs, next to it: an API key whose role holds `capability` (SPEC §8).
 * The API checks it in a Fastify `onRequest` hook before anything else runs (parsing, guards,
 * validation); the OpenAPI document shows the bearer scheme, the roles and the 401/403 answers.
 * An app that enforces route access refuses to start with a route that declares none.
 */
export function Requires(capability: Capability): MethodDecorator {
  const roles = rolesThatCan(capability);
  return applyDecorators(
    routeAccess(capability),
    ApiBearerAuth(BEARER_SCHEME),
    ApiExtension(ACCESS_EXTENSION, { capability, roles }),
    ApiUnauthorizedResponse({ description: 'no API key, or not a valid one' }),
    ApiForbiddenResponse({ description: `the key's role is not ${roles.join(', ')}` }),
  );
}

/** Declares a route open to anyone, keys or not (health). */
export function Public(): MethodDecorator {
  return applyDecorators(routeAccess('public'), ApiExtension(ACCESS_EXTENSION, 'public'));
}

/** Adds `{ jobqAccess }` to the route's Fastify config, keeping what `@RouteConfig` put there. */
function routeAccess(access: RouteAccess): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const config: unknown = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler);
    Reflect.defineMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      { ...(config as object | undefined), [ROUTE_ACCESS]: access },
      handler,
    );
    return descriptor;
  };
}
