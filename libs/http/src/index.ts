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
export { enforceRouteAccess } from './auth/route-access';
export type { Authenticate, RouteAccessOptions } from './auth/route-access';
export { apiKeyAccess } from './auth/api-key-access';
export { limitKeyRates } from './auth/key-rate-limit';
export { RateLimitedError } from './auth/rate-limited.error';
export { callerOf } from './auth/caller';
export type { Caller } from './auth/caller';
export { BEARER_SECURITY, documentAccess } from './auth/document-access';

// Who is logged in: sessions for the dashboard
export { useSessions } from './session/use-sessions';
export type { SessionOptions } from './session/use-sessions';
export { isSameOrigin, sessionGate } from './session/session-gate';
export type { SessionGateOptions } from './session/session-gate';
export { logIn, logOut } from './session/log-in';
export { UserDirectory } from './session/user-directory';
export { UsersModule } from './session/users.module';
export { CurrentViewer } from './session/current-viewer.decorator';
export { OPEN_VIEWER } from './session/viewer';
export type { Viewer } from './session/viewer';

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
