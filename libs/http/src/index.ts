/**
 * The public surface of `@jobq/http`: what the HTTP apps (api, dashboard) share. Apps import from
 * here only.
 */

// The app
export { runHttpApp } from './run-http-app';
export type { HttpAppLaunch } from './run-http-app';
export { applyLoopbackRule, isLoopback } from './loopback-rule';
export type { AccessConfig } from './loopback-rule';
export { createHttpApp } from './create-http-app';
export type { HttpAppOptions } from './create-http-app';
export { HealthModule } from './health/health.module';

// Who may call what: API keys and roles on every route
export {
  Public,
  Requires,
  ROUTE_ACCESS,
  BEARER_SCHEME,
  ACCESS_EXTENSION,
} from './auth/requires.decorator';
export type { RouteAccess } from './auth/requires.decorator';
export { enforceRouteAccess } from './auth/api-key-auth';
export type { RouteAccessOptions } from './auth/api-key-auth';
export { limitKeyRates } from './auth/key-rate-limit';
export { RateLimitedError } from './auth/rate-limited.error';
export { callerOf } from './auth/caller';
export { BEARER_SECURITY, documentAccess } from './auth/document-access';

// Errors and validation at the edge
export type { ErrorBody } from './error-body';
export { JobqExceptionFilter } from './jobq-exception.filter';
export { JobqValidationPipe } from './jobq-validation.pipe';

// Request bodies
export { JsonBodyGuard } from './json-body.guard';
export { requireBody } from './require-body';
export {
  describeContentType,
  UnsupportedMediaTypeException,
} from './unsupported-media-type.exception';

// DTO fields and the API document
export { documentDeclaredFields } from './document-fields';
export { QueryFlag } from './query-flag';
