import { setTimeout as sleep } from 'node:timers/promises';
import { SpawnedProcess } from '../helpers/apps';
import { EFFECTS_QUEUE, effectsKey } from '../fixtures/effects/record-effect.handler';
import { call } from '../jobs/http';
import { FAST_STALL } from '../worker/worker-fixture';
import { FaultStack } from './fault-stack';

const EFFECTS_APP = 'test/fixtures/effects/main.js';
const JOBS = 10_000;
const WORKER_ENV = { ...FAST_STALL, WORKER_CONCURRENCY: '10' };

describe('worker kills: SIGKILL again and again loses no job', () => {
  let stack: FaultStack;
  beforeAll(async () => (stack = await FaultStack.start()));
  afterAll(() => stack.close());

  it(`${JOBS} jobs through two workers, one killed every few seconds: every effect lands, every job completes`, async () => {
    const started = Date.now();
    const api = await stack.spawnApi();
    const kept = { count: 2 * JOBS, age_s: 86_400 };
    const policy = await call('PUT', `${api.url}/policy/${EFFECTS_QUEUE}`, {
      retention: { completed: kept, failed: kept },
    });
    expect(policy.status).toBe(200);
    const queue = stack.queue(EFFECTS_QUEUE);
    const ids: string[] = [];
    for (let i = 0; i < JOBS; i += 1000) {
      const batch = Array.from({ length: 1000 }, () => ({ name: 'record', data: { ms: 25 } }));
      ids.push(...(await queue.addBulk(batch)).map((job) => job.id!));
    }

    await stack.spawnWorker(WORKER_ENV, EFFECTS_APP);
    let victim: SpawnedProcess = await stack.spawnWorker(WORKER_ENV, EFFECTS_APP);
    let kills = 0;
    while ((await queue.getCompletedCount()) < JOBS) {
      expect(Date.now() - started).toBeLessThan(100_000);
      await sleep(1000 + Math.random() * 2000);
      if ((await queue.getCompletedCount()) >= JOBS) break;
      victim.child.kill('SIGKILL');
      await victim.exited;
      kills += 1;
      victim = await stack.spawnWorker(WORKER_ENV, EFFECTS_APP);
    }

    const counts = await queue.getJobCounts('completed', 'failed', 'active', 'wait', 'delayed');
    expect(counts).toEqual({ completed: JOBS, failed: 0, active: 0, wait: 0, delayed: 0 });
    const effects = await stack.admin().hgetall(effectsKey(stack.prefix));
    expect(Object.keys(effects).sort()).toEqual([...ids].sort());
    const twice = Object.values(effects).filter((n) => Number(n) > 1).length;
    console.log(
      `worker kills: ${JOBS} jobs, ${kills} SIGKILLs, ${twice} ran more than once, ${Math.round((Date.now() - started) / 1000)} s`,
    );
    expect(kills).toBeGreaterThanOrEqual(3);
  });
});
