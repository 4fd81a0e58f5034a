import { secretDigest } from '@jobq/queue-core';
import { freePort } from '../../scripts/lib/embedded-redis';
import { spawnApp } from '../helpers/apps';
import { freshName, testEnv } from '../helpers/test-env';
import { call } from '../jobs/http';

const CLEAR = 'clear-secret-of-the-ci-key-4f1c';
const HASHED = 'hashed-secret-of-the-ops-key-9b2e';
const HASHED_HEX = secretDigest(HASHED).toString('hex');
const WRONG = 'a-wrong-bearer-someone-tried-77aa';
const COOKIE = 'session-cookie-value-d41d8cd98f00';
const PASSWORD_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo';

describe('secrets never reach the logs', () => {
  it('of a real api run that used every one of them, at log level trace', async () => {
    const api = spawnApp(
      'api',
      testEnv({
        LOG_LEVEL: 'trace',
        API_KEYS: `ci:${CLEAR}:producer,ops:sha256:${HASHED_HEX}:admin,slow:${WRONG}x:viewer:1/min`,
        DASHBOARD_USERS: `ann:${PASSWORD_HASH}:admin`,
      }),
    );
    try {
      const line = await api.waitForLine(/api listening/);
      const url = (JSON.parse(line) as { url: string }).url;
      const queue = freshName();
      const headers = (secret: string) => ({
        authorization: `Bearer ${secret}`,
        cookie: `jobq_session=${COOKIE}`,
      });
      const answers = await Promise.all([
        call('POST', `${url}/q/${queue}`, { n: 1 }, headers(CLEAR)),
        call('POST', `${url}/q/${queue}`, '{"broken', headers(CLEAR)),
        call('PUT', `${url}/policy/${queue}`, { attempts: 2 }, headers(HASHED)),
        call('PUT', `${url}/policy/${queue}`, { attempts: 2 }, headers(CLEAR)),
        call('GET', `${url}/j`, undefined, headers(WRONG)),
        call('GET', `${url}/j`, undefined, headers(`${WRONG}x`)),
        call('GET', `${url}/j`, undefined, headers(`${WRONG}x`)),
        call('GET', `${url}/nowhere`, undefined, headers(HASHED)),
        call('GET', `${url}/audit`, undefined, headers(HASHED)),
        call('GET', `${url}/health`, undefined, headers(HASHED)),
      ]);
      expect(answers.map((a) => a.status)).toEqual([
        201, 400, 200, 403, 401, 200, 429, 404, 200, 200,
      ]);
    } finally {
      await api.stop();
    }
    const logs = api.lines.join('\n');
    expect(logs).toMatch(/api listening/);
    for (const secret of [CLEAR, HASHED, HASHED_HEX, WRONG, COOKIE, PASSWORD_HASH]) {
      expect([secret, logs.includes(secret)]).toEqual([secret, false]);
    }
  });

  it('nor a password in REDIS_URL, when the Redis it names cannot be reached', async () => {
    const password = 'redis-password-in-the-url-5e6f';
    const api = spawnApp(
      'api',
      testEnv({
        LOG_LEVEL: 'trace',
        REDIS_URL: `redis://:${password}@127.0.0.1:${await freePort()}`,
      }),
    );
    try {
      await api.waitForLine(/redis is not reachable/);
    } finally {
      await api.stop();
    }
    const logs = api.lines.join('\n');
    expect(logs).toContain('redis://:***@127.0.0.1:');
    expect(logs.includes(password)).toBe(false);
  });
});
