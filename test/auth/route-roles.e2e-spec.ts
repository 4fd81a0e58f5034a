import type { RouteOptions } from 'fastify';
import { createHttpApp, RouteAccess } from '@jobq/http';
import { createLogger, rolesThatCan, ROLES, can, Role } from '@jobq/queue-core';
import { ApiModule } from '../../apps/api/src/api.module';
import { prepareApi } from '../../apps/api/src/prepare-api';
import { bearer, ONE_KEY_PER_ROLE } from '../helpers/api-keys';
import { freshName, testConfig } from '../helpers/test-env';
import { call } from '../jobs/http';

/**
 * Every route of the API and what it needs. A route the API serves that is missing here fails
 * this test, and one that declares no access stops the API at boot: no route goes unprotected.
 */
const ROUTES: Record<string, RouteAccess> = {
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
function pathOf(route: string): string {
  return route
    .replace(/:(queue|topic)/g, () => freshName('rr'))
    .replace(':name', 'echo')
    .replace(':id', '1')
    .replace('*', 'swagger-ui.css');
}

describe('every route × every caller', () => {
  const seen = new Set<string>();
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const config = testConfig({ API_KEYS: ONE_KEY_PER_ROLE });
    const logger = createLogger('api', config.LOG_LEVEL);
    const app = await createHttpApp({ module: ApiModule.forRoot(config, logger), logger });
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRoute', (route: RouteOptions) => {
        for (const method of [route.method].flat()) seen.add(`${method} ${route.url}`);
      });
    await prepareApi(app, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = await app.getUrl();
    close = () => app.close();
  });
  afterAll(() => close());

  it('has every route the API serves in its table, and no other', () => {
    const served = [...seen].filter((route) => !route.startsWith('HEAD '));
    expect(served.filter((route) => !(route in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((route) => !seen.has(route))).toEqual([]);
  });

  it.each(Object.entries(ROUTES))('%s needs %s', async (route, access) => {
    const [method, template] = route.split(' ');
    const path = `${url}${pathOf(template)}`;
    const callers: [string, Record<string, string>][] = [
      ['no key', {}],
      ['a wrong key', { authorization: 'Bearer not-a-key-of-this-api-at-all' }],
      ...ROLES.map((role): [string, Record<string, string>] => [role, bearer(role)]),
    ];
    const answers = await Promise.all(
      callers.map(
        async ([who, headers]) => [who, await call(method, path, undefined, headers)] as const,
      ),
    );
    for (const [who, answer] of answers) {
      const status = `${route} by ${who}: ${answer.status} ${JSON.stringify(answer.body)}`;
      if (access === 'public') {
        expect(status).not.toMatch(/: (401|403|5\d\d) /);
      } else if (who === 'no key' || who === 'a wrong key') {
        expect(status).toMatch(/: 401 /);
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="jobq"/);
        expect(answer.body).toMatchObject({ code: 'UNAUTHORIZED' });
      } else if (can(who as Role, access)) {
        expect(status).not.toMatch(/: (401|403|5\d\d) /);
      } else {
        expect(status).toMatch(/: 403 /);
        expect(answer.body.error).toMatch(
          new RegExp(` needs role .*; key "${who}" has role ${who}$`),
        );
        expect(answer.body).toMatchObject({
          code: 'FORBIDDEN',
          details: { needs: access, roles: rolesThatCan(access), key: who, role: who },
        });
      }
    }
  });
});
