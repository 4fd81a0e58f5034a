import type { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { EFFECTS_QUEUE, effectsKey } from '../fixtures/effects/record-effect.handler';
import { waitUntil } from '../helpers/wait-until';
import { FAST_STALL } from '../worker/worker-fixture';
import { FaultStack } from './fault-stack';

const EFFECTS_APP = 'test/fixtures/effects/main.js';
const GRACE_MS = 5000;

describe('worker SIGTERM under load and with Redis gone', () => {
  let stack: FaultStack;
  let queue: Queue;
  let admin: Redis;
  beforeEach(async () => {
    stack = await FaultStack.start({
      appendOnly: true,
      env: { ...FAST_STALL, WORKER_GRACE_MS: String(GRACE_MS) },
    });
    queue = stack.queue(EFFECTS_QUEUE);
    admin = stack.admin();
  });
  afterEach(() => stack.close());

  /** How many times each job's effect landed, by job id. */
  async function effects(): Promise<Record<string, string>> {
    return admin.hgetall(effectsKey(stack.prefix));
  }

  it('under load: the active jobs finish within the grace period, exit 0, nothing left active', async () => {
    const worker = await stack.spawnWorker({ WORKER_CONCURRENCY: '20' }, EFFECTS_APP);
    await queue.addBulk(Array.from({ length: 400 }, () => ({ name: 'record', data: { ms: 400 } })));
    await waitUntil(async () => (await queue.getActiveCount()) === 20, '20 jobs running');
    const signalled = Date.now();
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    const tookMs = Date.now() - signalled;
    console.log(
      `SIGTERM under load: 20 active jobs finished, exit 0 ${tookMs} ms after the signal`,
    );
    expect(tookMs).toBeLessThan(GRACE_MS);
    expect(worker.lines.join('\n')).toMatch(/"msg":"active jobs finished"/);

    const counts = await queue.getJobCounts('active', 'completed', 'waiting', 'failed');
    const started = Object.keys(await effects()).length;
    expect(counts).toMatchObject({ active: 0, failed: 0, completed: started });
    expect(counts.waiting).toBe(400 - started);

    await stack.spawnWorker({ WORKER_CONCURRENCY: '50' }, EFFECTS_APP);
    await waitUntil(
      async () => (await queue.getCompletedCount()) === 400,
      'the rest to complete on a new worker',
      { timeoutMs: 60_000 },
    );
    expect(Object.values(await effects()).filter((n) => n !== '1')).toEqual([]);
  });

  it('with Redis gone: it exits 0 within the grace period; its jobs complete once Redis is back', async () => {
    const worker = await stack.spawnWorker({}, EFFECTS_APP);
    const jobs = await queue.addBulk(
      Array.from({ length: 5 }, () => ({ name: 'record', data: { ms: 1500 } })),
    );
    await waitUntil(async () => (await queue.getActiveCount()) === 5, 'the jobs running');
    await stack.stopRedis();
    await worker.waitForLine(/"msg":"redis unavailable: /);
    const signalled = Date.now();
    worker.child.kill('SIGTERM');
    const exit = await Promise.race([
      worker.exited,
      sleep(GRACE_MS + 10_000, 'still running', { ref: false }),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
    const tookMs = Date.now() - signalled;
    console.log(
      `SIGTERM with Redis gone: exit 0 ${tookMs} ms after the signal (grace ${GRACE_MS} ms)`,
    );
    expect(tookMs).toBeLessThan(GRACE_MS + 2000);
    expect(worker.lines.join('\n')).toMatch(
      /"msg":"redis is unreachable: dropping its connections/,
    );

    await stack.startRedis();
    await stack.spawnWorker({}, EFFECTS_APP);
    await waitUntil(
      async () => (await queue.getCompletedCount()) === jobs.length,
      'the jobs to complete on another worker',
      { timeoutMs: 30_000 },
    );
  });
});
