import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName } from '../helpers/test-env';
import { call } from './http';

/** Producing jobs: POST /q, POST /qb, PUT /q and their refusals. */
describe('enqueue API', () => {
  let api: RunningHttpApp;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  const q = (queue: string, query = '') => `${api.url}/q/${queue}${query}`;
  const view = (queue: string, id: string) => call('GET', `${api.url}/q/${queue}/jobs/${id}`);

  it('applies the query options and the policy defaults', async () => {
    const queue = freshName();
    await call('PUT', `${api.url}/policy/${queue}`, { attempts: 7, default_priority: 3 });
    const plain = await call('POST', q(queue), { a: 1 });
    expect(plain.body).toMatchObject({ name: 'default', state: 'prioritized' });
    expect((await view(queue, plain.body.id)).body).toMatchObject({ priority: 3 });

    const tuned = await call('POST', q(queue, '?name=mail.send&priority=1&delay=60000'), { b: 2 });
    expect(tuned.status).toBe(201);
    expect(tuned.body).toMatchObject({ name: 'mail.send', state: 'delayed' });
    const job = (await view(queue, tuned.body.id)).body;
    expect(job).toMatchObject({ name: 'mail.send', state: 'delayed', priority: 1, delay: 60000 });
  });

  it('refuses what is not a JSON object, with the status that says why', async () => {
    const queue = freshName();
    const empty = await fetch(q(queue), { method: 'POST' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'EMPTY_BODY' });
    const emptyJson = await call('POST', q(queue), '', { 'content-type': 'application/json' });
    expect(emptyJson.status).toBe(400);

    const text = await call('POST', q(queue), '{"a":1}', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error).toMatch(/Content-Type: application\/json/);
    const form = await call('POST', q(queue), 'a=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);

    for (const body of ['[1,2]', '"text"', '42', 'null']) {
      const res = await call('POST', q(queue), body, { 'content-type': 'application/json' });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/must be a JSON object/);
    }
    const broken = await call('POST', q(queue), '{"a":', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
  });

  it('refuses a payload beyond the policy max_payload_bytes with 413', async () => {
    const queue = freshName();
    await call('PUT', `${api.url}/policy/${queue}`, { max_payload_bytes: 100 });
    const res = await call('POST', q(queue), { blob: 'x'.repeat(200) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(res.body.error).toMatch(/at most 100/);
    const batch = await call('POST', `${api.url}/qb/${queue}`, {
      jobs: [{ ok: 1 }, { blob: 'x'.repeat(200) }],
    });
    expect(batch.status).toBe(413);
    expect(batch.body.error).toMatch(/jobs\[1\]/);
  });

  it('refuses bad names and options with 400 naming them', async () => {
    const queue = freshName();
    const badQueue = await call('POST', q('-nope'), { a: 1 });
    expect(badQueue.status).toBe(400);
    expect(badQueue.body.error).toContain('^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$');
    const badName = await call('POST', q(queue, '?name=has%20space'), { a: 1 });
    expect(badName.status).toBe(400);
    expect(badName.body.error).toMatch(/invalid job name/);
    const badPriority = await call('POST', q(queue, '?priority=high'), { a: 1 });
    expect(badPriority.status).toBe(400);
    expect(badPriority.body.error).toMatch(/priority must be an integer/);
    const unknown = await call('POST', q(queue, '?colour=red'), { a: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/colour/);
  });

  it('a uniq key is free again once its job has finished', async () => {
    const queue = freshName();
    const first = await call('POST', q(queue, '?uniq=k'), { a: 1 });
    const pulled = await fetch(q(queue));
    await call('POST', `${api.url}/q/${queue}/jobs/${first.body.id}/complete`, {
      token: pulled.headers.get('x-lease-token'),
    });
    const again = await call('POST', q(queue, '?uniq=k'), { a: 2 });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first.body.id);
  });

  it('a batch takes payloads and {name, data, opts} items in one go', async () => {
    const queue = freshName();
    const res = await call('POST', `${api.url}/qb/${queue}`, {
      jobs: [{ plain: 1 }, { name: 'echo', data: { wrapped: 2 }, opts: { priority: 2 } }],
    });
    expect(res.status).toBe(201);
    const [plain, wrapped] = res.body.ids;
    expect((await view(queue, plain)).body).toMatchObject({ name: 'default', data: { plain: 1 } });
    expect((await view(queue, wrapped)).body).toMatchObject({
      name: 'echo',
      data: { wrapped: 2 },
      priority: 2,
    });
  });

  it('refuses a bad batch naming the item, and enqueues none of it', async () => {
    const queue = freshName();
    const notArray = await call('POST', `${api.url}/qb/${queue}`, { jobs: 'x' });
    expect(notArray.status).toBe(400);
    expect(notArray.body.error).toMatch(/jobs must be an array/);
    const emptyList = await call('POST', `${api.url}/qb/${queue}`, { jobs: [] });
    expect(emptyList.status).toBe(400);
    const badItem = await call('POST', `${api.url}/qb/${queue}`, {
      jobs: [{ ok: 1 }, 'text', { data: { a: 1 }, opts: { priority: -1 } }],
    });
    expect(badItem.status).toBe(400);
    expect(badItem.body.error).toMatch(/jobs\[1\] must be a JSON object/);
    const badOpts = await call('POST', `${api.url}/qb/${queue}`, {
      jobs: [{ data: { a: 1 }, opts: { priority: -1 } }],
    });
    expect(badOpts.body.error).toMatch(/jobs\[0\]\.opts\.priority must be >= 0/);
    const text = await call('POST', `${api.url}/qb/${queue}`, 'x', {
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(415);
    expect((await call('GET', `${api.url}/j/${queue}`)).body.job_count).toBe(0);
  });
});
