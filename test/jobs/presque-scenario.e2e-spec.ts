import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { call } from './http';

/** presque's own walk-through, in order, against one queue. */
describe('presque scenario', () => {
  let api: RunningHttpApp;
  const queue = freshName('presque');
  const q = () => `${api.url}/q/${queue}`;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('an empty queue has no job', async () => {
    const res = await call('GET', q());
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'no job', code: 'NO_JOB' });
  });

  it('a posted job counts, then comes back with the identical body', async () => {
    const payload = { key: 'value', n: 1, nested: { list: [1, 'two', null] } };
    const posted = await call('POST', q(), payload);
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ queue, name: 'default', state: 'waiting' });
    expect(posted.headers.get('location')).toBe(`/q/${queue}/jobs/${posted.body.id}`);

    const info = await call('GET', `${api.url}/j/${queue}`);
    expect(info.body).toMatchObject({ queue_name: queue, job_count: 1 });

    const res = await fetch(q());
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(JSON.stringify(payload));
    expect(res.headers.get('x-job-id')).toBe(posted.body.id);
    expect(res.headers.get('x-job-name')).toBe('default');
    expect(res.headers.get('x-lease-token')).toBeTruthy();
    expect(Number(res.headers.get('x-lease-expires'))).toBeGreaterThan(Date.now());
  });

  it('a delayed job cannot be fetched before its time, and can after', async () => {
    const delayed = Math.floor(Date.now() / 1000) + 2;
    const posted = await call('POST', `${q()}?delayed=${delayed}`, { later: true });
    expect(posted.body.state).toBe('delayed');
    expect((await call('GET', q())).status).toBe(404);
    const got = await waitUntil(
      async () => {
        const res = await call('GET', q());
        return res.status === 200 ? res : undefined;
      },
      'the delayed job',
      { timeoutMs: 10_000 },
    );
    expect(Date.now()).toBeGreaterThanOrEqual(delayed * 1000 - 50);
    expect(got.body).toEqual({ later: true });
  });

  it('a stopped queue is closed to pulls but still takes jobs; start reopens it', async () => {
    const stop = await call('POST', `${api.url}/control/${queue}`, { status: 'stop' });
    expect(stop.body).toEqual({ response: 'updated', queue });
    expect((await call('GET', `${api.url}/control/${queue}`)).body).toEqual({
      queue,
      status: '0',
      state: 'stopped',
    });
    expect((await call('POST', q(), { while: 'stopped' })).status).toBe(201);
    const closed = await call('GET', q());
    expect(closed.status).toBe(404);
    expect(closed.body).toMatchObject({ error: 'queue is closed', code: 'QUEUE_CLOSED' });

    await call('POST', `${api.url}/control/${queue}`, { status: 'start' });
    expect((await call('GET', `${api.url}/control/${queue}`)).body.status).toBe('1');
    expect((await call('GET', q())).body).toEqual({ while: 'stopped' });
  });

  it('a batch of 4 comes back in order', async () => {
    const jobs = [1, 2, 3, 4].map((n) => ({ n }));
    const posted = await call('POST', `${api.url}/qb/${queue}`, { jobs });
    expect(posted.status).toBe(201);
    expect(posted.body.ids).toHaveLength(4);
    const pulled = await call('GET', `${api.url}/qb/${queue}?batch_size=4`);
    expect(pulled.status).toBe(200);
    expect(pulled.body).toEqual(jobs);
    expect(pulled.headers.get('x-job-ids')).toBe(posted.body.ids.join(','));
    expect(pulled.headers.get('x-lease-tokens')!.split(',')).toHaveLength(4);
  });

  it('a duplicate uniq job is refused while the first is unfinished', async () => {
    const first = await call('POST', `${q()}?uniq=once`, { a: 1 });
    expect(first.status).toBe(201);
    const second = await call('POST', `${q()}?uniq=once`, { a: 2 });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: 'job already exists', code: 'JOB_EXISTS' });
    expect(second.body.details.id).toBe(first.body.id);
  });

  it('a PUT re-insert counts a failure and enqueues the payload again', async () => {
    const before = (await call('GET', `${api.url}/j/${queue}`)).body;
    const res = await call('PUT', q(), { again: true });
    expect(res.status).toBe(201);
    const after = (await call('GET', `${api.url}/j/${queue}`)).body;
    expect(after.job_failed).toBe(before.job_failed + 1);
    expect(after.job_count).toBe(before.job_count + 1);

    // one failed total everywhere: /w, /status and /metrics agree with /j
    const workers = (await call('GET', `${api.url}/w/?queue_name=${queue}`)).body;
    const status = (await call('GET', `${api.url}/status/${queue}`)).body;
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    expect(workers.failed).toBe(after.job_failed);
    expect(status.failed).toBe(after.job_failed);
    expect(metrics).toContain(`jobq_queue_failed_total{queue="${queue}"} ${after.job_failed}`);
  });

  it('purge deletes the queue', async () => {
    expect((await call('DELETE', q())).status).toBe(204);
    expect((await call('GET', `${api.url}/j/`)).body.queues).not.toContain(queue);
    expect((await call('GET', `${api.url}/j/${queue}`)).body).toMatchObject({
      job_count: 0,
      job_processed: 0,
      job_failed: 0,
    });
  });
});
