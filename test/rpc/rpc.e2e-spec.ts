import { Worker } from 'bullmq';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName, testRedis } from '../helpers/test-env';

const json = { 'content-type': 'application/json' };

describe('RPC (SPEC §5)', () => {
  let api: RunningHttpApp;
  let worker: Worker;
  const queue = freshName('rpc');

  beforeAll(async () => {
    api = await startApi();
    worker = new Worker(
      queue,
      async (job) => {
        if (job.name === 'boom') throw new Error(`boom ${job.data.n}`);
        if (job.name === 'slow') await new Promise((r) => setTimeout(r, job.data.ms));
        return { echoed: job.data };
      },
      {
        connection: testRedis({ maxRetriesPerRequest: null }),
        prefix: api.config.QUEUE_PREFIX,
        concurrency: 50,
      },
    );
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const rpc = (path: string, body: unknown) =>
    fetch(`${api.url}${path}`, { method: 'POST', headers: json, body: JSON.stringify(body) });

  it('answers 200 {id, result} when the job completes', async () => {
    const res = await rpc(`/rpc/${queue}/echo`, { n: 1 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ id: expect.any(String), result: { echoed: { n: 1 } } });
  });

  it('answers 422 {id, error} when the job fails for good', async () => {
    const res = await rpc(`/rpc/${queue}/boom?attempts=1`, { n: 2 });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({ id: expect.any(String), error: 'boom 2' });
  });

  it('answers 504 {id, state} on timeout; the late result is readable with ?wait=', async () => {
    const res = await rpc(`/rpc/${queue}/slow?timeout=1`, { ms: 2500 });
    expect(res.status).toBe(504);
    const { id, state } = await res.json();
    expect(state).toBe('active');
    const late = await fetch(`${api.url}/q/${queue}/jobs/${id}?wait=10`);
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({
      id,
      state: 'completed',
      result: { echoed: { ms: 2500 } },
    });
  });

  it('POST /q/:queue?wait= answers like /rpc', async () => {
    const res = await rpc(`/q/${queue}?name=echo&wait=5`, { n: 3 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: { echoed: { n: 3 } } });
  });

  it('gives each of 200 concurrent calls its own result', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, async (_, n) => {
        const res = await rpc(`/rpc/${queue}/echo?timeout=30`, { n });
        return { status: res.status, body: await res.json() };
      }),
    );
    answers.forEach(({ status, body }, n) => {
      expect(status).toBe(200);
      expect(body.result).toEqual({ echoed: { n } });
    });
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(200);
  });

  it('with no worker the job waits in the queue (504 waiting)', async () => {
    const idle = freshName('rpc-idle');
    const res = await rpc(`/rpc/${idle}/echo?timeout=1`, { n: 4 });
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ state: 'waiting' });
  });

  it('refuses bad input with clear 4xx', async () => {
    for (const [path, pattern] of [
      [`/rpc/${queue}/echo?timeout=0`, /timeout must be >= 1/],
      [`/rpc/${queue}/echo?timeout=61`, /timeout must be <= 60/],
      [`/rpc/${queue}/echo?timeout=soon`, /timeout must be a whole number/],
      [`/rpc/${queue}/bad%20name`, /invalid job name/],
      [`/rpc/bad%20queue/echo`, /invalid queue name/],
      [`/q/${queue}?wait=61`, /wait must be <= 60/],
    ] as const) {
      const res = await rpc(path, { n: 0 });
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect((await res.json()).error).toMatch(pattern);
    }
    const text = await fetch(`${api.url}/rpc/${queue}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(text.status).toBe(415);
    const missing = await fetch(`${api.url}/q/${queue}/jobs/999999?wait=1`);
    expect(missing.status).toBe(404);
  });
});
