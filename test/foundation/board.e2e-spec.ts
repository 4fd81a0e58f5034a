import { Queue } from 'bullmq';
import { QueueRegistry } from '@jobq/queue-core';
import { RunningHttpApp, startDashboard } from '../helpers/apps';
import { freshName, testConfig, testRedis } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';

async function boardQueueNames(dashboard: RunningHttpApp): Promise<string[]> {
  const res = await fetch(`${dashboard.url}/board/api/queues?activeQueue=&page=1&jobsPerPage=10`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { queues: { name: string }[] };
  return body.queues.map((q) => q.name);
}

describe('bull-board at /board', () => {
  let dashboard: RunningHttpApp;
  beforeAll(
    async () => (dashboard = await startDashboard(testConfig({ DISCOVERY_INTERVAL_MS: '200' }))),
  );
  afterAll(() => dashboard.close());

  it('serves the UI', async () => {
    const res = await fetch(`${dashboard.url}/board`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('jobq');
  });

  it('shows a job added with a plain BullMQ Queue.add after start', async () => {
    const name = freshName();
    const queue = new Queue(name, {
      connection: testRedis(),
      prefix: dashboard.config.QUEUE_PREFIX,
    });
    try {
      const job = await queue.add('plain', { hello: 'world' });
      await waitUntil(
        async () => (await boardQueueNames(dashboard)).includes(name),
        'queue on the board',
      );
      const res = await fetch(`${dashboard.url}/board/api/queues/${name}/${job.id}`);
      expect(res.status).toBe(200);
      expect((await res.json()).job.data).toEqual({ hello: 'world' });
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('shows a queue registered by another process at once (broadcast)', async () => {
    const name = freshName();
    await dashboard.app.get(QueueRegistry).register(name);
    await waitUntil(
      async () => (await boardQueueNames(dashboard)).includes(name),
      'registered queue on the board',
      {
        timeoutMs: 2000,
      },
    );
  });
});
