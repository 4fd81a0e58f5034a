import { secretDigest } from '@jobq/queue-core';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName, testConfig } from '../helpers/test-env';
import { Answer, call } from '../jobs/http';

const CI = 'ci-producer-secret-0123456789';
const OPS = 'ops-admin-secret-abcdefghijkl';
const SLOW = 'slow-viewer-secret-0123456789';
const API_KEYS = [
  `ci:${CI}:producer`,
  `ops:sha256:${secretDigest(OPS).toString('hex')}:admin:off`,
  `slow:${SLOW}:viewer:3/min`,
].join(',');
const as = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('API keys', () => {
  let api: RunningHttpApp;
  beforeAll(async () => {
    api = await startApi(testConfig({ API_KEYS, API_RATE_LIMIT: '1000/s' }));
  });
  afterAll(() => api.close());

  it('takes a key given as sha256:<hex> by its secret, and the scheme in any case', async () => {
    const queue = freshName();
    const created = await call('POST', `${api.url}/q/${queue}`, { n: 1 }, as(CI));
    expect(created.status).toBe(201);
    const purged = await call('DELETE', `${api.url}/q/${queue}`, undefined, {
      authorization: `bearer ${OPS}`,
    });
    expect(purged.status).toBe(204);
  });

  it('says what is wrong: no key, another scheme, an unknown key, a role too low', async () => {
    const url = `${api.url}/j`;
    const none = await call('GET', url);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="jobq"');
    expect(none.body.error).toMatch(/needs an API key: send Authorization: Bearer <secret>/);
    const basic = await call('GET', url, undefined, { authorization: `Basic ${CI}` });
    expect(basic.status).toBe(401);
    expect(basic.body.error).toMatch(/must use the Bearer scheme/);
    const wrong = await call('GET', url, undefined, as(`${CI}x`));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
    const low = await call('PUT', `${api.url}/policy/${freshName()}`, { attempts: 2 }, as(CI));
    expect(low.status).toBe(403);
    expect(low.body).toMatchObject({
      error:
        'changing a policy, purging a queue or deleting a job needs role admin; key "ci" has role producer',
      code: 'FORBIDDEN',
      details: { needs: 'administer', roles: ['admin'], key: 'ci', role: 'producer' },
    });
  });

  it('leaves health open and closes /metrics and /docs', async () => {
    expect((await call('GET', `${api.url}/health`)).status).toBe(200);
    expect((await call('GET', `${api.url}/health/ready`)).status).toBe(200);
    for (const path of ['/metrics', '/docs', '/docs/json', '/docs-yaml']) {
      expect([path, (await call('GET', `${api.url}${path}`)).status]).toEqual([path, 401]);
      expect([path, (await call('GET', `${api.url}${path}`, undefined, as(CI))).status]).toEqual([
        path,
        200,
      ]);
    }
  });

  it('shows the bearer scheme and each route’s roles in the OpenAPI document', async () => {
    const { body: doc } = await call('GET', `${api.url}/docs/json`, undefined, as(CI));
    expect(doc.components.securitySchemes['api-key']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const enqueue = doc.paths['/q/{queue}'].post;
    expect(enqueue.security).toEqual([{ 'api-key': [] }]);
    expect(enqueue['x-jobq-access']).toEqual({
      capability: 'produce',
      roles: ['admin', 'operator', 'producer'],
    });
    expect(enqueue.description).toMatch(/^Role: admin, operator, producer/);
    expect(enqueue.responses['403'].description).toMatch(/admin, operator, producer/);
    expect(doc.paths['/audit'].get.description).toMatch(/^Role: admin \(/);
    expect(doc.paths['/health'].get.security).toBeUndefined();
    expect(doc.paths['/health'].get.description).toMatch(/^Public/);
  });

  it('limits a key to its rate with 429 and Retry-After; a key with rate off is not limited', async () => {
    const statuses: number[] = [];
    let limited: Answer | undefined;
    for (let n = 0; n < 4; n++) {
      const answer = await call('GET', `${api.url}/j`, undefined, as(SLOW));
      statuses.push(answer.status);
      if (answer.status === 429) limited = answer;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited?.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(limited?.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited?.body.error).toMatch(/API key "slow" is over its rate of 3\/min: retry after/);
    const ops = await Promise.all(
      Array.from({ length: 20 }, () => call('GET', `${api.url}/j`, undefined, as(OPS))),
    );
    expect(ops.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect((await call('GET', `${api.url}/health`)).status).toBe(200);
  });
});

describe('without API keys', () => {
  let api: RunningHttpApp;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('serves every route without a key, and ignores one sent anyway', async () => {
    expect((await call('GET', `${api.url}/j`)).status).toBe(200);
    expect((await call('GET', `${api.url}/metrics`)).status).toBe(200);
    expect((await call('GET', `${api.url}/j`, undefined, as('anything'))).status).toBe(200);
  });
});
