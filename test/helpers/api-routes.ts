import type { RouteAccess } from '@jobq/http';
import { freshName } from './test-env';

/**
 * Every route of the API and what it needs. A route the API serves that is missing here fails
 * `test/auth/route-roles.e2e-spec.ts`, and one that declares no access stops the API at boot: no
 * route goes unprotected (and the fault tests walk them all with Redis down).
 */
export const API_ROUTES: Record<string, RouteAccess> = {
  'GET /health': 'public',
  'GET /health/ready': 'public',
  'GET /docs': 'read',
  'GET /docs/': 'read',
  'GET /docs/index.html': 'read',
  'GET /docs/LICENSE': 'read',
  'GET /docs/swagger-ui-init.js': 'read',
  'GET /docs/docs/swagger-ui-init.js': 'read',
  'GET /docs/*': 'read',
  'GET /docs/json': 'read',
  'GET /docs-yaml': 'read',
  'GET /metrics': 'read',
  'GET /audit': 'administer',
  'POST /q/:queue': 'produce',
  'POST /qb/:queue': 'produce',
  'PUT /q/:queue': 'consume',
  'GET /q/:queue': 'consume',
  'GET /qb/:queue': 'consume',
  'POST /q/:queue/jobs/:id/complete': 'consume',
  'POST /q/:queue/jobs/:id/fail': 'consume',
  'GET /q/:queue/jobs/:id': 'read',
  'POST /q/:queue/jobs/:id/retry': 'operate',
  'DELETE /q/:queue/jobs/:id': 'administer',
  'DELETE /q/:queue': 'administer',
  'GET /j': 'read',
  'GET /j/:queue': 'read',
  'GET /status': 'read',
  'GET /status/:queue': 'read',
  'GET /control/:queue': 'read',
  'POST /control/:queue': 'operate',
  'GET /policy/:queue': 'read',
  'PUT /policy/:queue': 'administer',
  'POST /w/:queue': 'consume',
  'DELETE /w/:queue': 'consume',
  'GET /w': 'read',
  'POST /rpc/:queue/:name': 'produce',
  'GET /bus': 'read',
  'POST /bus/:topic': 'produce',
  'GET /bus/:topic': 'consume',
  'GET /bus/:topic/messages/:id': 'consume',
  'DELETE /bus/:topic': 'administer',
  'GET /bus/:topic/poll': 'consume',
  'GET /bus/:topic/stream': 'consume',
  'GET /bus/:topic/settings': 'read',
  'PUT /bus/:topic/settings': 'administer',
  'GET /feeds/:topic': 'consume',
  'POST /feeds/:topic': 'produce',
  'GET /feed=:topic': 'consume',
  'POST /feed=:topic': 'produce',
  'GET /schedules': 'read',
  'GET /schedules/:queue': 'read',
  'GET /schedules/:queue/:id': 'read',
  'PUT /schedules/:queue/:id': 'administer',
  'DELETE /schedules/:queue/:id': 'administer',
  'POST /schedules/:queue/:id/pause': 'administer',
  'POST /schedules/:queue/:id/resume': 'administer',
  'POST /schedules/:queue/:id/run': 'operate',
};

/** A request path for `route`: fresh names for its parameters, so nothing real is touched. */
export function pathOf(route: string): string {
  return route
    .replace(/:(queue|topic)/g, () => freshName('rr'))
    .replace(':name', 'echo')
    .replace(':id', '1')
    .replace('*', 'swagger-ui.css');
}
