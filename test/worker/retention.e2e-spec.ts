import { RunningHttpApp, startApi } from '../helpers/apps';
import { testConfig } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { WorkerFixture } from './worker-fixture';

describe('retention (policy) applied by the workers, not stored per job', () => {
  let fixture: WorkerFixture;
  let api: RunningHttpApp;
  beforeAll(async () => {
    fixture = await WorkerFixture.create({ WORKER_QUEUES: 'demo' });
    api = await startApi(testConfig({ ...fixture.env, LOG_LEVEL: 'silent' }));
  });
  afterAll(async () => {
    await fixture.close();
    await api.close();
  });

  it('keeps only the policy count of completed jobs, including a change made while running', async () => {
    await fixture.policies.update('demo', { retention: { completed: { count: 3, age_s: 3600 } } });
    await fixture.spawnWorker();
    const first = await fixture.demo.addBulk(
      Array.from({ length: 6 }, (_, n) => ({ name: 'echo', data: { n } })),
    );
    expect((await fixture.demo.getJob(first[0].id!))?.opts).not.toHaveProperty('removeOnComplete');
    await waitUntil(
      async () => (await fixture.demo.getJobState(first[5].id!)) === 'completed',
      'last job completed',
    );
    expect(await fixture.demo.getJobCountByTypes('completed')).toBe(3);

    await fixture.policies.update('demo', { retention: { completed: { count: 1, age_s: 3600 } } });
    // The change reaches the worker by broadcast; each probe finishes one more job, which trims.
    await waitUntil(async () => {
      const more = await fixture.demo.add('echo', { n: 7 });
      await waitUntil(
        async () => (await fixture.demo.getJobState(more.id!)) === 'completed',
        'job completed',
      );
      return (await fixture.demo.getJobCountByTypes('completed')) === 1;
    }, 'retention change applied');
  });

  it('applies to jobs acknowledged through the HTTP pull API too', async () => {
    const queue = 'pulled-retention';
    await fetch(`${api.url}/policy/${queue}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ retention: { completed: { count: 1, age_s: 3600 } } }),
    });
    for (const n of [1, 2, 3]) {
      await fetch(`${api.url}/q/${queue}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ n }),
      });
      const lease = await fetch(`${api.url}/q/${queue}`);
      const id = lease.headers.get('x-job-id');
      const token = lease.headers.get('x-lease-token');
      const done = await fetch(`${api.url}/q/${queue}/jobs/${id}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      expect(done.status).toBe(200);
    }
    const status = await (await fetch(`${api.url}/status/${queue}`)).json();
    expect(status.counts.completed).toBe(1);
    expect(status.processed).toBe(3);
  });
});
