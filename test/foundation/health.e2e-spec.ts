import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedRedis, freePort } from '../../scripts/lib/embedded-redis';
import { Redis } from 'ioredis';
import { RunningHttpApp, startApi, startDashboard } from '../helpers/apps';
import { testConfig } from '../helpers/test-env';

describe('health', () => {
  describe.each([
    ['api', startApi],
    ['dashboard', startDashboard],
  ])('%s', (_name, start) => {
    let running: RunningHttpApp;
    beforeAll(async () => (running = await start()));
    afterAll(() => running.close());

    it('GET /health answers alive', async () => {
      const res = await fetch(`${running.url}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    });

    it('GET /health/ready reports Redis up with its eviction policy', async () => {
      const res = await fetch(`${running.url}/health/ready`);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({
        status: 'ok',
        redis: { status: 'up', eviction_policy: 'noeviction' },
      });
    });
  });

  it('readiness fails fast (503, no hang) while Redis is unreachable; liveness stays up', async () => {
    const running = await startApi(
      testConfig({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }),
    );
    try {
      const started = Date.now();
      const res = await fetch(`${running.url}/health/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        error: 'redis is unavailable, try again shortly',
        code: 'REDIS_UNAVAILABLE',
      });
      expect(Date.now() - started).toBeLessThan(5000);
      expect((await fetch(`${running.url}/health`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it('readiness shows an eviction policy that can lose jobs', async () => {
    const redis = await EmbeddedRedis.start({
      dataDir: mkdtempSync(join(tmpdir(), 'jobq-evict-')),
      appendOnly: false,
    });
    const admin = new Redis(redis.url);
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const running = await startApi(testConfig({ REDIS_URL: redis.url }));
    try {
      const res = await fetch(`${running.url}/health/ready`);
      const body = await res.json();
      expect(res.status).toBe(200);
      expect(body.status).toBe('degraded');
      expect(body.redis).toMatchObject({ status: 'degraded', eviction_policy: 'allkeys-lru' });
      expect(body.redis.message).toMatch(/set `maxmemory-policy noeviction`/);
    } finally {
      await running.close();
      admin.disconnect();
      await redis.stop();
    }
  });
});
