import { FleetStore, RedisConnections, WorkerBeat } from '@jobq/queue-core';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName } from '../helpers/test-env';

const json = { 'content-type': 'application/json' };

function beat(id: string, queues: string[], overrides: Partial<WorkerBeat> = {}): WorkerBeat {
  return {
    worker_id: id,
    kind: 'process',
    host: 'test-host',
    pid: 4242,
    queues,
    concurrency: 5,
    started_at: Date.now(),
    processed: 0,
    failed: 0,
    active: 0,
    current_jobs: [],
    busy_ms: 0,
    utilization: 0,
    idle_since: Date.now(),
    rss_bytes: 1,
    heap_bytes: 1,
    version: 'test',
    heartbeat_ms: 5000,
    ...overrides,
  };
}

describe('/w worker registry', () => {
  let api: RunningHttpApp;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('registers an HTTP worker by body or header, lists it, and unregisters it', async () => {
    const queue = freshName();
    let res = await fetch(`${api.url}/w/${queue}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ worker_id: 'http-1' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ worker_id: 'http-1', kind: 'http', queues: [queue] });

    res = await fetch(`${api.url}/w/${queue}`, {
      method: 'POST',
      headers: { 'x-presque-workerid': 'http-2' },
    });
    expect(res.status).toBe(201);

    res = await fetch(`${api.url}/w/?worker_id=http-1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      worker_id: 'http-1',
      processed: 0,
      failed: 0,
      status: 'idle',
      lost_after_ms: 300_000,
    });

    res = await fetch(`${api.url}/w/?queue_name=${queue}`);
    const byQueue = await res.json();
    expect(byQueue).toMatchObject({
      queue_name: queue,
      processed: 0,
      failed: 0,
      registrations: 2,
      current_workers: 2,
    });
    expect(byQueue.workers_list.sort()).toEqual(['http-1', 'http-2']);

    res = await fetch(`${api.url}/w/${queue}?worker_id=http-1`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    res = await fetch(`${api.url}/w/?queue_name=${queue}`);
    expect(await res.json()).toMatchObject({
      workers_list: ['http-2'],
      registrations: 2,
      terminations: 1,
      distinct_workers_ever: 2,
    });
  });

  it('credits a registered HTTP worker that completes or fails leased jobs, named on the pull or the ack', async () => {
    const queue = freshName();
    const worker = { 'x-presque-workerid': `puller-${queue}` };
    await fetch(`${api.url}/w/${queue}`, { method: 'POST', headers: worker });
    for (const n of [1, 2]) {
      await fetch(`${api.url}/q/${queue}?attempts=1`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ n }),
      });
    }
    for (const outcome of ['complete', 'fail']) {
      const lease = await fetch(`${api.url}/q/${queue}`, { headers: worker });
      expect(lease.status).toBe(200);
      const id = lease.headers.get('x-job-id');
      const token = lease.headers.get('x-lease-token');
      const res = await fetch(`${api.url}/q/${queue}/jobs/${id}/${outcome}`, {
        method: 'POST',
        // the completed job's worker was named only when it took the lease
        headers: outcome === 'fail' ? { ...json, ...worker } : json,
        body: JSON.stringify(outcome === 'fail' ? { token, error: 'nope' } : { token }),
      });
      expect(res.status).toBe(200);
    }
    const record = await (await fetch(`${api.url}/w/?worker_id=puller-${queue}`)).json();
    expect(record).toMatchObject({ processed: 1, failed: 1 });
    const byQueue = await (await fetch(`${api.url}/w/?queue_name=${queue}`)).json();
    expect(byQueue).toMatchObject({ processed: 1, failed: 1 });
  });

  it('answers bad input with clear 4xx', async () => {
    const queue = freshName();
    let res = await fetch(`${api.url}/w/${queue}`, { method: 'POST', headers: json, body: '{}' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/worker id missing/);

    res = await fetch(`${api.url}/w/${queue}`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ worker_id: 'bad id!' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/worker_id must be/);

    res = await fetch(`${api.url}/w/bad%20queue`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ worker_id: 'w' }),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/invalid queue name/);

    res = await fetch(`${api.url}/w/${queue}`, { method: 'DELETE' });
    expect(res.status).toBe(400);
    res = await fetch(`${api.url}/w/${queue}?worker_id=never-registered`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    res = await fetch(`${api.url}/w/?worker_id=never-registered`);
    expect(res.status).toBe(404);
    expect((await res.json()).code).toBe('WORKER_NOT_FOUND');
  });

  it('lists process workers with every SPEC field, marks silent ones lost, keeps totals', async () => {
    const fleet = api.app.get(FleetStore);
    const queue = freshName();
    const id = `proc-${queue}`;
    await fleet.beat(
      beat(id, [queue], {
        processed: 7,
        failed: 1,
        active: 2,
        current_jobs: ['1', '2'],
        utilization: 0.5,
      }),
      new Map([[queue, { processed: 7, failed: 1, wait: [[3, 7]], run: [[10, 7]] }]]),
      [queue],
    );
    const res = await fetch(`${api.url}/w/`);
    const body = await res.json();
    const record = body.workers.find((w: { worker_id: string }) => w.worker_id === id);
    for (const field of [
      'worker_id',
      'kind',
      'host',
      'pid',
      'queues',
      'concurrency',
      'started_at',
      'last_seen',
      'processed',
      'failed',
      'active',
      'current_jobs',
      'busy_ms',
      'utilization',
      'idle_since',
      'rss_bytes',
      'heap_bytes',
      'version',
    ]) {
      expect(record).toHaveProperty(field);
    }
    expect(record).toMatchObject({
      status: 'busy',
      processed: 7,
      failed: 1,
      current_jobs: ['1', '2'],
    });
    expect(body.totals.processed).toBeGreaterThanOrEqual(7);

    const stats = await fleet.queueStats(queue);
    expect(stats).toMatchObject({ current_workers: 1, registrations: 1 });
    expect(stats.wait_ms.p50).toBe(2);
    expect(stats.run_ms.p95).toBe(9);

    const redis = api.app.get(RedisConnections).client;
    await redis.zadd(`${api.config.QUEUE_PREFIX}:_jobq:fleet:workers`, Date.now() - 20_000, id);
    await redis.hset(
      `${api.config.QUEUE_PREFIX}:_jobq:fleet:worker:${id}`,
      'last_seen',
      String(Date.now() - 20_000),
    );
    expect((await fleet.get(id))?.status).toBe('lost');
  });
});
