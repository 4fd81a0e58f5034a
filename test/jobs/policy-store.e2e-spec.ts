import { Queue } from 'bullmq';
import { PolicyStore } from '@jobq/queue-core';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName, testConfig, testRedis } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { call } from './http';

/** A policy change is applied in Redis for BullMQ and reaches every process's cache. */
describe('policy store across processes', () => {
  const config = testConfig();
  let a: RunningHttpApp;
  let b: RunningHttpApp;
  beforeAll(async () => {
    a = await startApi(config);
    b = await startApi(config);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('applies pause, global concurrency and rate limit in Redis and reloads other caches', async () => {
    const queue = freshName();
    const seen: string[] = [];
    b.app.get(PolicyStore).onChange((name, policy) => name === queue && seen.push(policy.state));
    expect((await call('GET', `${b.url}/control/${queue}`)).body.state).toBe('open');

    await call('PUT', `${a.url}/policy/${queue}`, {
      state: 'stopped',
      concurrency: 3,
      rate_limit: { max: 5, duration_ms: 2000 },
    });
    await waitUntil(
      async () => (await call('GET', `${b.url}/control/${queue}`)).body.state === 'stopped',
      'the other process to see the stopped state',
      { timeoutMs: 5000 },
    );
    expect(seen).toContain('stopped');
    expect((await call('GET', `${b.url}/q/${queue}`)).body.error).toBe('queue is closed');

    const bull = new Queue(queue, {
      connection: testRedis(),
      prefix: config.QUEUE_PREFIX,
    });
    try {
      expect(await bull.isPaused()).toBe(true);
      expect(await bull.getGlobalConcurrency()).toBe(3);
      expect(await bull.getGlobalRateLimit()).toMatchObject({ max: 5, duration: 2000 });

      await call('PUT', `${b.url}/policy/${queue}`, {
        state: 'open',
        concurrency: null,
        rate_limit: null,
      });
      expect(await bull.isPaused()).toBe(false);
      expect(await bull.getGlobalConcurrency()).toBeNull();
      expect(await bull.getGlobalRateLimit()).toBeNull();
      await waitUntil(
        async () => (await call('GET', `${a.url}/policy/${queue}`)).body.concurrency === null,
        'the first process to see the change back',
        { timeoutMs: 5000 },
      );
    } finally {
      await bull.close();
    }
  });
});
