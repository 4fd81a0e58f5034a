import type { RouteOptions } from 'fastify';
import { createHttpApp } from '@jobq/http';
import { createLogger, rolesThatCan, ROLES, can, Role } from '@jobq/queue-core';
import { ApiModule } from '../../apps/api/src/api.module';
import { prepareApi } from '../../apps/api/src/prepare-api';
import { bearer, ONE_KEY_PER_ROLE } from '../helpers/api-keys';
import { API_ROUTES, pathOf } from '../helpers/api-routes';
import { testConfig } from '../helpers/test-env';
import { call } from '../jobs/http';

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
    expect(served.filter((route) => !(route in API_ROUTES))).toEqual([]);
    expect(Object.keys(API_ROUTES).filter((route) => !seen.has(route))).toEqual([]);
  });

  it.each(Object.entries(API_ROUTES))('%s needs %s', async (route, access) => {
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
