import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName } from '../helpers/test-env';
import { call } from './http';

/** Queue views, control, policy, one-job actions and the OpenAPI document. */
describe('queues API', () => {
  let api: RunningHttpApp;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const enqueue = (queue: string, payload: object = { a: 1 }, query = '') =>
    call('POST', `${api.url}/q/${queue}${query}`, payload);

  it('lists queues and shows one with counts, totals and policy; an unknown one is empty', async () => {
    const queue = freshName();
    await enqueue(queue);
    await enqueue(queue, { b: 2 }, '?delay=60000');
    expect((await call('GET', `${api.url}/j`)).body.queues).toContain(queue);
    const status = (await call('GET', `${api.url}/status/`)).body;
    expect(status.queues).toContain(queue);
    expect(status.size).toBe(status.queues.length);

    const info = await call('GET', `${api.url}/j/${queue}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      queue_name: queue,
      job_count: 2,
      job_processed: 0,
      job_failed: 0,
      counts: { waiting: 1, delayed: 1, active: 0 },
      policy: { state: 'open', attempts: 3, lease_ms: 30000 },
    });
    const one = await call('GET', `${api.url}/status/${queue}?with_desc=1`);
    expect(one.body).toMatchObject({ queue, size: 2, state: 'open', counts: { waiting: 1 } });
    expect(one.body.jobs).toEqual([expect.objectContaining({ name: 'default', data: { a: 1 } })]);
    expect((await call('GET', `${api.url}/status/${queue}`)).body.jobs).toBeUndefined();

    const unknown = freshName();
    expect((await call('GET', `${api.url}/j/${unknown}`)).body).toMatchObject({
      queue_name: unknown,
      job_count: 0,
      job_processed: 0,
      job_failed: 0,
    });
    expect((await call('GET', `${api.url}/status/${unknown}`)).body.size).toBe(0);
    expect((await call('GET', `${api.url}/j`)).body.queues).not.toContain(unknown);
    expect((await call('GET', `${api.url}/j/bad:name`)).status).toBe(400);
    expect((await call('GET', `${api.url}/status/${queue}?with_desc=maybe`)).status).toBe(400);
  });

  it('control answers presque status and refuses anything but stop/start', async () => {
    const queue = freshName();
    expect((await call('GET', `${api.url}/control/${queue}`)).body).toEqual({
      queue,
      status: '1',
      state: 'open',
    });
    const bad = await call('POST', `${api.url}/control/${queue}`, { status: 'pause' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('status must be "stop" or "start"');
    expect((await call('POST', `${api.url}/control/${queue}`, {})).status).toBe(400);
    const form = await call('POST', `${api.url}/control/${queue}`, 'status=stop', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    await call('POST', `${api.url}/control/${queue}`, { status: 'stop' });
    expect((await call('GET', `${api.url}/policy/${queue}`)).body.state).toBe('stopped');
    expect((await call('GET', `${api.url}/j/${queue}`)).body.policy.state).toBe('stopped');
  });

  it('policy: defaults, a partial PUT merges and applies, bad fields are 400 naming them', async () => {
    const queue = freshName();
    const defaults = (await call('GET', `${api.url}/policy/${queue}`)).body;
    expect(defaults).toEqual({
      state: 'open',
      attempts: 3,
      backoff: { type: 'exponential', delay_ms: 1000 },
      concurrency: null,
      rate_limit: null,
      timeout_ms: null,
      lease_ms: 30000,
      retention: {
        completed: { count: 1000, age_s: 86400 },
        failed: { count: 10000, age_s: 604800 },
      },
      default_priority: 0,
      max_payload_bytes: 1048576,
    });
    const put = await call('PUT', `${api.url}/policy/${queue}`, {
      backoff: { delay_ms: 50 },
      concurrency: 2,
      rate_limit: { max: 10, duration_ms: 1000 },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      backoff: { type: 'exponential', delay_ms: 50 },
      concurrency: 2,
      rate_limit: { max: 10, duration_ms: 1000 },
    });
    expect((await call('GET', `${api.url}/policy/${queue}`)).body).toEqual(put.body);
    expect((await call('GET', `${api.url}/j`)).body.queues).toContain(queue);
    const cleared = await call('PUT', `${api.url}/policy/${queue}`, { rate_limit: null });
    expect(cleared.body.rate_limit).toBeNull();

    const cases: [object, RegExp][] = [
      [{ attempts: 0 }, /attempts must be >= 1/],
      [{ backoff: { type: 'linear' } }, /backoff\.type must be "fixed" or "exponential"/],
      [{ rate_limit: { max: 5 } }, /rate_limit\.duration_ms/],
      [
        { retention: { completed: { count: 'lots' } } },
        /retention\.completed\.count must be an integer/,
      ],
      [{ colour: 'red' }, /colour is not a policy field/],
      [{ max_payload_bytes: 10 * 1024 * 1024 }, /max_payload_bytes must be <= 1048576/],
    ];
    for (const [patch, message] of cases) {
      const res = await call('PUT', `${api.url}/policy/${queue}`, patch);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('INVALID_POLICY');
      expect(res.body.error).toMatch(message);
    }
    expect((await call('PUT', `${api.url}/policy/${queue}`, [1])).status).toBe(400);
    expect((await call('GET', `${api.url}/policy/${queue}`)).body).toEqual(cleared.body);
  });

  it('a job can be looked up, retried once failed, and removed', async () => {
    const queue = freshName();
    const { id } = (await enqueue(queue, { a: 1 }, '?attempts=1')).body;
    const view = (await call('GET', `${api.url}/q/${queue}/jobs/${id}`)).body;
    expect(view).toMatchObject({
      id,
      queue,
      name: 'default',
      state: 'waiting',
      data: { a: 1 },
      progress: 0,
      attempts_made: 0,
      result: null,
      failed_reason: null,
      stacktrace: [],
      processed_at: null,
      finished_at: null,
      logs: [],
    });
    expect(Date.parse(view.created_at)).not.toBeNaN();

    const early = await call('POST', `${api.url}/q/${queue}/jobs/${id}/retry`);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatch(/is waiting: only a failed job can be retried/);

    const pulled = await fetch(`${api.url}/q/${queue}`);
    const token = pulled.headers.get('x-lease-token');
    const active = await call('DELETE', `${api.url}/q/${queue}/jobs/${id}`);
    expect(active.status).toBe(409);
    expect(active.body.error).toMatch(/active/);
    await call('POST', `${api.url}/q/${queue}/jobs/${id}/fail`, { token, error: 'nope' });

    const retried = await call('POST', `${api.url}/q/${queue}/jobs/${id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ id, state: 'waiting' });
    expect((await call('GET', `${api.url}/q/${queue}/jobs/${id}`)).body.state).toBe('waiting');

    expect((await call('DELETE', `${api.url}/q/${queue}/jobs/${id}`)).status).toBe(204);
    const gone = await call('GET', `${api.url}/q/${queue}/jobs/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('JOB_NOT_FOUND');
    expect((await call('DELETE', `${api.url}/q/${queue}/jobs/${id}`)).status).toBe(404);
    expect((await call('POST', `${api.url}/q/${queue}/jobs/${id}/retry`)).status).toBe(404);
    expect((await call('GET', `${api.url}/q/${freshName()}/jobs/1`)).status).toBe(404);
  });

  it('purge removes jobs, counters and policy; purging an unknown queue is fine', async () => {
    const queue = freshName();
    await call('PUT', `${api.url}/policy/${queue}`, { attempts: 9, state: 'stopped' });
    await enqueue(queue);
    await call('PUT', `${api.url}/q/${queue}`, { again: 1 });
    expect((await call('DELETE', `${api.url}/q/${queue}`)).status).toBe(204);
    expect((await call('GET', `${api.url}/j/${queue}`)).body).toMatchObject({
      job_count: 0,
      job_failed: 0,
      policy: { attempts: 3, state: 'open' },
    });
    expect((await call('POST', `${api.url}/q/${queue}`, { reborn: 1 })).status).toBe(201);
    expect((await call('GET', `${api.url}/j`)).body.queues).toContain(queue);
    expect((await call('GET', `${api.url}/q/${queue}`)).body).toEqual({ reborn: 1 });
    expect((await call('DELETE', `${api.url}/q/${freshName()}`)).status).toBe(204);
    expect((await call('DELETE', `${api.url}/q/bad%20name`)).status).toBe(400);
  });

  it('refuses an invalid queue name on every route with 400 quoting the rule', async () => {
    const bad = 'no%20spaces';
    const routes: [string, string, unknown?][] = [
      ['POST', `/q/${bad}`, { a: 1 }],
      ['PUT', `/q/${bad}`, { a: 1 }],
      ['POST', `/qb/${bad}`, { jobs: [{ a: 1 }] }],
      ['GET', `/q/${bad}`],
      ['GET', `/qb/${bad}`],
      ['GET', `/q/${bad}/jobs/1`],
      ['POST', `/q/${bad}/jobs/1/retry`],
      ['DELETE', `/q/${bad}/jobs/1`],
      ['POST', `/q/${bad}/jobs/1/complete`, { token: 't' }],
      ['POST', `/q/${bad}/jobs/1/fail`, { token: 't', error: 'e' }],
      ['GET', `/j/${bad}`],
      ['GET', `/status/${bad}`],
      ['GET', `/control/${bad}`],
      ['POST', `/control/${bad}`, { status: 'stop' }],
      ['GET', `/policy/${bad}`],
      ['PUT', `/policy/${bad}`, { attempts: 2 }],
    ];
    for (const [method, path, body] of routes) {
      const res = await call(method, `${api.url}${path}`, body);
      expect({ route: `${method} ${path}`, status: res.status, code: res.body.code }).toEqual({
        route: `${method} ${path}`,
        status: 400,
        code: 'INVALID_NAME',
      });
      expect(res.body.error).toContain('^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$');
    }
  });

  it('serves the OpenAPI document at /docs', async () => {
    const ui = await fetch(`${api.url}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/html/);
    const doc = (await call('GET', `${api.url}/docs/json`)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/q/{queue}',
        '/qb/{queue}',
        '/q/{queue}/jobs/{id}',
        '/q/{queue}/jobs/{id}/complete',
        '/j/{queue}',
        '/control/{queue}',
        '/policy/{queue}',
      ]),
    );
    expect(doc.components.schemas.QueuePolicy.properties).toHaveProperty('lease_ms');
    expect(doc.components.schemas.QueuePolicy.properties.lease_ms).toMatchObject({
      type: 'integer',
      minimum: 500,
    });
    const enqueueParams = doc.paths['/q/{queue}'].post.parameters.map(
      (p: { name: string }) => p.name,
    );
    expect(enqueueParams).toEqual(expect.arrayContaining(['name', 'priority', 'delay', 'wait']));
  });
});
