import { call } from '../jobs/http';
import { FaultStack, SpawnedHttpApp } from './fault-stack';

const PAYLOAD = { blob: 'x'.repeat(10_000) };

describe('memory pressure: Redis at maxmemory with noeviction', () => {
  let stack: FaultStack;
  let api: SpawnedHttpApp;
  beforeAll(async () => {
    stack = await FaultStack.start();
    api = await stack.spawnApi();
  });
  afterAll(() => stack.close());

  it('enqueue answers 503 REDIS_OUT_OF_MEMORY, never a 500, and nothing stored is lost', async () => {
    const admin = stack.admin();
    const used = Number(/used_memory:(\d+)/.exec(await admin.info('memory'))![1]);
    await admin.config('SET', 'maxmemory', String(used + 4 * 1024 * 1024));

    const stored: string[] = [];
    const statuses = new Set<number>();
    let refusal: { status: number; retryAfter: string | null; body: unknown } | undefined;
    while (!refusal) {
      const res = await call('POST', `${api.url}/q/full`, PAYLOAD);
      statuses.add(res.status);
      if (res.status === 201) stored.push(res.body.id);
      else
        refusal = {
          status: res.status,
          retryAfter: res.headers.get('retry-after'),
          body: res.body,
        };
      expect(stored.length).toBeLessThan(5000);
    }
    expect(refusal).toEqual({
      status: 503,
      retryAfter: '2',
      body: {
        code: 'REDIS_OUT_OF_MEMORY',
        error: expect.stringMatching(/out of memory .*nothing stored is lost/),
      },
    });
    const batch = await call('POST', `${api.url}/qb/full`, { jobs: [PAYLOAD, PAYLOAD] });
    expect({ status: batch.status, code: batch.body.code }).toEqual({
      status: 503,
      code: 'REDIS_OUT_OF_MEMORY',
    });
    expect([...statuses].sort()).toEqual([201, 503]);

    const queue = stack.queue('full');
    expect(await queue.getWaitingCount()).toBe(stored.length);
    const jobs = await Promise.all(stored.map((id) => queue.getJob(id)));
    expect(jobs.filter((job) => job?.data.blob !== PAYLOAD.blob)).toEqual([]);

    console.log(
      `memory pressure: ${stored.length} jobs of 10 KB stored in 4 MiB of headroom, then 503 REDIS_OUT_OF_MEMORY; all ${stored.length} intact`,
    );
    await admin.config('SET', 'maxmemory', '0');
    expect((await call('POST', `${api.url}/q/full`, PAYLOAD)).status).toBe(201);
  });
});
