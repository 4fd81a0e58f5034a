import { freePort } from '../../scripts/lib/embedded-redis';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName, testConfig } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { Answer, call } from './http';

/** HTTP pull workers: leases, acks, failures, retries, expiry, long polls. */
describe('pull API', () => {
  let api: RunningHttpApp;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const enqueue = (queue: string, payload: object, query = '') =>
    call('POST', `${api.url}/q/${queue}${query}`, payload);
  const pull = (queue: string, query = '') => call('GET', `${api.url}/q/${queue}${query}`);
  const lease = (res: Answer) => ({
    id: res.headers.get('x-job-id')!,
    token: res.headers.get('x-lease-token')!,
  });
  const job = (queue: string, id: string) => call('GET', `${api.url}/q/${queue}/jobs/${id}`);
  const pulled = (queue: string) =>
    waitUntil(
      async () => {
        const res = await pull(queue);
        return res.status === 200 ? res : undefined;
      },
      `a job on ${queue}`,
      { timeoutMs: 10_000 },
    );

  it('complete acknowledges the lease with a result; the job shows it', async () => {
    const queue = freshName();
    await enqueue(queue, { x: 1 }, '?name=adder');
    const { id, token } = lease(
      await call('GET', `${api.url}/q/${queue}?wait=1`, undefined, {
        'x-presque-workerid': 'worker-1',
      }),
    );
    expect((await job(queue, id)).body.state).toBe('active');
    const done = await call('POST', `${api.url}/q/${queue}/jobs/${id}/complete`, {
      token,
      result: { sum: 2 },
    });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ id, state: 'completed' });
    const view = (await job(queue, id)).body;
    expect(view).toMatchObject({
      id,
      name: 'adder',
      queue,
      state: 'completed',
      data: { x: 1 },
      result: { sum: 2 },
      attempts_made: 1,
    });
    expect(view.finished_at).toEqual(expect.any(String));
    expect((await call('GET', `${api.url}/j/${queue}`)).body.job_processed).toBe(1);
    // counted at the minute it finished in (this one, or the one before if it just turned)
    const { completed } = (await call('GET', `${api.url}/status/${queue}`)).body.per_minute;
    expect(completed[0] + completed[1]).toBe(1);
  });

  it('a wrong or used token is a 409 saying the lease is gone; an unknown job is a 404', async () => {
    const queue = freshName();
    await enqueue(queue, { x: 1 });
    const { id, token } = lease(await pull(queue));
    const complete = (body: object, jobId = id) =>
      call('POST', `${api.url}/q/${queue}/jobs/${jobId}/complete`, body);

    const wrong = await complete({ token: 'not-the-token' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('LEASE_GONE');
    expect(wrong.body.error).toMatch(/lease .* is gone/);
    expect((await complete({ token })).status).toBe(200);
    expect((await complete({ token })).status).toBe(409);
    const failUsed = await call('POST', `${api.url}/q/${queue}/jobs/${id}/fail`, {
      token,
      error: 'late',
    });
    expect(failUsed.status).toBe(409);

    const unknown = await complete({ token }, '999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('JOB_NOT_FOUND');
    const missingToken = await complete({});
    expect(missingToken.status).toBe(400);
    expect(missingToken.body.error).toMatch(/token/);
    const noError = await call('POST', `${api.url}/q/${queue}/jobs/${id}/fail`, { token });
    expect(noError.status).toBe(400);
    expect(noError.body.error).toMatch(/error must/);
  });

  it('failed attempts retry with backoff, then land in the failed set with the reason', async () => {
    const queue = freshName();
    await call('PUT', `${api.url}/policy/${queue}`, {
      attempts: 2,
      backoff: { type: 'fixed', delay_ms: 200 },
    });
    await enqueue(queue, { flaky: true });
    const first = lease(await pull(queue));
    const retry = await call('POST', `${api.url}/q/${queue}/jobs/${first.id}/fail`, {
      token: first.token,
      error: 'boom 1',
    });
    expect(retry.body).toEqual({ id: first.id, state: 'delayed' });

    const second = lease(await pulled(queue));
    expect(second.id).toBe(first.id);
    const dead = await call('POST', `${api.url}/q/${queue}/jobs/${first.id}/fail`, {
      token: second.token,
      error: 'boom 2',
      stacktrace: 'Error: boom 2\n    at worker.py:12',
    });
    expect(dead.body).toEqual({ id: first.id, state: 'failed' });
    const view = (await job(queue, first.id)).body;
    expect(view).toMatchObject({ state: 'failed', failed_reason: 'boom 2', attempts_made: 2 });
    expect(view.stacktrace).toContain('Error: boom 2\n    at worker.py:12');
    expect((await call('GET', `${api.url}/j/${queue}`)).body).toMatchObject({
      job_failed: 1,
      counts: { failed: 1 },
    });
  });

  it('an unrecoverable failure skips the remaining attempts', async () => {
    const queue = freshName();
    await enqueue(queue, { x: 1 }, '?attempts=5');
    const { id, token } = lease(await pull(queue));
    const res = await call('POST', `${api.url}/q/${queue}/jobs/${id}/fail`, {
      token,
      error: 'bad input',
      unrecoverable: true,
    });
    expect(res.body.state).toBe('failed');
  });

  it('a PUT with the lease headers fails that job like /fail', async () => {
    const queue = freshName();
    await enqueue(queue, { x: 1 }, '?attempts=1');
    const { id, token } = lease(await pull(queue));
    const res = await call('PUT', `${api.url}/q/${queue}`, undefined, {
      'x-job-id': id,
      'x-lease-token': token,
      'x-job-error': 'could not process',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id, state: 'failed' });
    expect((await job(queue, id)).body.failed_reason).toBe('could not process');
    const half = await call('PUT', `${api.url}/q/${queue}`, { x: 1 }, { 'x-job-id': id });
    expect(half.status).toBe(400);
    expect(half.body.error).toMatch(/X-Lease-Token/);
  });

  it('an expired lease hands the job out again', async () => {
    const queue = freshName();
    await call('PUT', `${api.url}/policy/${queue}`, { lease_ms: 1000 });
    await enqueue(queue, { slow: true });
    const first = lease(await pull(queue));
    const again = lease(await pulled(queue));
    expect(again.id).toBe(first.id);
    expect(again.token).not.toBe(first.token);
    const late = await call('POST', `${api.url}/q/${queue}/jobs/${first.id}/complete`, {
      token: first.token,
    });
    expect(late.status).toBe(409);
    expect(
      (
        await call('POST', `${api.url}/q/${queue}/jobs/${first.id}/complete`, {
          token: again.token,
        })
      ).status,
    ).toBe(200);
  });

  it('wait long-polls until a job arrives, and answers no job when none does', async () => {
    const queue = freshName();
    const empty = await pull(queue, '?wait=0.3');
    expect(empty.status).toBe(404);
    expect(empty.body.error).toBe('no job');

    const waiting = pull(queue, '?wait=10');
    const other = call('GET', `${api.url}/qb/${queue}?wait=10&batch_size=2&envelope=1`);
    await enqueue(queue, { n: 1 });
    await enqueue(queue, { n: 2 });
    const [one, two] = await Promise.all([waiting, other]);
    expect(one.status).toBe(200);
    expect(two.status).toBe(200);
    const seen = [one.body, ...two.body.map((e: { data: unknown }) => e.data)];
    expect(seen).toEqual(expect.arrayContaining([{ n: 1 }, { n: 2 }]));
    expect(two.body[0]).toMatchObject({
      id: expect.any(String),
      name: 'default',
      lease: { token: expect.any(String), expires_at: expect.any(Number) },
    });
  });

  it('rejects bad pull parameters with 400 naming them', async () => {
    const queue = freshName();
    const wait = await pull(queue, '?wait=99');
    expect(wait.status).toBe(400);
    expect(wait.body.error).toMatch(/wait must be <= 20/);
    const size = await call('GET', `${api.url}/qb/${queue}?batch_size=0`);
    expect(size.status).toBe(400);
    expect(size.body.error).toMatch(/batch_size/);
    const name = await pull('bad name!');
    expect(name.status).toBe(400);
    expect(name.body).toMatchObject({ code: 'INVALID_NAME' });
    expect(name.body.error).toContain('^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$');
    expect((await call('GET', `${api.url}/qb/${queue}`)).status).toBe(404);
  });

  it('answers 503, not a hang, while Redis is unreachable', async () => {
    const down = await startApi(testConfig({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }));
    try {
      const queue = freshName();
      for (const [method, path, body] of [
        ['POST', `/q/${queue}`, { a: 1 }],
        ['GET', `/q/${queue}?wait=1`],
        ['GET', `/j/${queue}`],
      ] as const) {
        const res = await call(method, `${down.url}${path}`, body);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 503,
          code: 'REDIS_UNAVAILABLE',
        });
      }
    } finally {
      await down.close();
    }
  });
});
