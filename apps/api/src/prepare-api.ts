import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { apiKeyAccess, enforceRouteAccess, limitKeyRates } from '@jobq/http';
import { ApiKeyRing, JobqConfig } from '@jobq/queue-core';
import { setupOpenApi } from './open-api';

/** What `SwaggerModule` serves: the UI and its assets under `/docs`, the document at `/docs/json` and `/docs-yaml`. */
const OPEN_API_ROUTES = /^\/docs([-/.]|$)/;

/** The API's keys from the configuration (none when `API_KEYS` is unset). */
export function apiKeys(config: JobqConfig): ApiKeyRing {
  return new ApiKeyRing(config.API_KEYS ?? []);
}

/**
 * Sets the API up before it registers its routes: every route's declared access enforced with
 * the configured keys (the OpenAPI routes need `read`), per-key rates, then the
 * OpenAPI document.
 */
export async function prepareApi(app: NestFastifyApplication, config: JobqConfig): Promise<void> {
  const keys = apiKeys(config);
  enforceRouteAccess(app.getHttpAdapter().getInstance(), {
    ...apiKeyAccess(keys),
    undeclared: (url) => (OPEN_API_ROUTES.test(url) ? 'read' : undefined),
  });
  await limitKeyRates(app, keys, config.API_RATE_LIMIT);
  setupOpenApi(app);
}
