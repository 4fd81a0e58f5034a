import { ApiKeyRequiredError, ApiKeyRing } from '@jobq/queue-core';
import type { RouteAccessOptions } from './route-access';

const REALM = 'Bearer realm="jobq"';

/**
 * Route access by API key: `Authorization: Bearer <secret>`, the key found in constant time
 * (`ApiKeyRing.identify`), refusals with `WWW-Authenticate` (RFC 6750). With no keys configured
 * nothing is authenticated and every route is open.
 */
export function apiKeyAccess(
  keys: ApiKeyRing,
): Pick<RouteAccessOptions, 'authenticate' | 'forbidden'> {
  if (!keys.configured) return {};
  return {
    authenticate: authenticate(keys),
    forbidden: (reply) =>
      void reply.header('www-authenticate', `${REALM}, error="insufficient_scope"`),
  };
}

function authenticate(keys: ApiKeyRing): NonNullable<RouteAccessOptions['authenticate']> {
  return (request, reply) => {
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      void reply.header('www-authenticate', REALM);
      return new ApiKeyRequiredError('missing');
    }
    if (header.length < 8 || header.slice(0, 7).toLowerCase() !== 'bearer ') {
      void reply.header('www-authenticate', REALM);
      return new ApiKeyRequiredError('scheme');
    }
    const key = keys.identify(header.slice(7).trim());
    if (!key) {
      void reply.header('www-authenticate', `${REALM}, error="invalid_token"`);
      return new ApiKeyRequiredError('invalid');
    }
    return { kind: 'key', name: key.name, role: key.role };
  };
}
