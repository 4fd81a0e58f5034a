import { waitUntil } from '../helpers/wait-until';
import { WorkerFixture } from './worker-fixture';

/** A negative cannot be awaited: watch `probe` over a short window and fail if it ever holds. */
async function neverWithin(probe: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await probe()) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
  return true;
}

describe('worker app: queue policy changes reach running workers', () => {
  let fx: WorkerFixture;
  beforeAll(async () => {
    fx = await WorkerFixture.create({ WORKER_CONCURRENCY: '4' });
    await fx.spawnWorker();
    await fx.spawnWorker();
  });
  afterAll(() => fx.close());

  it('stop halts processing; start resumes it', async () => {
    await fx.policies.update('demo', { state: 'stopped' });
    const job = await fx.demo.add('echo', { paused: true });
    const untouched = await neverWithin(
      async () => (await fx.demo.getJobState(job.id!)) !== 'waiting',
      1000,
    );
    expect(untouched).toBe(true);
    await fx.policies.update('demo', { state: 'open' });
    const done = await fx.settled(job.id!);
    expect(done.returnvalue).toEqual({ paused: true });
  });

  it('concurrency 1 caps running jobs at one across two worker processes', async () => {
    await fx.policies.update('demo', { concurrency: 1 });
    const jobs = await fx.demo.addBulk(
      Array.from({ length: 6 }, (_, i) => ({ name: 'sleep', data: { ms: 150, i } })),
    );
    let maxActive = 0;
    await waitUntil(
      async () => {
        const counts = await fx.demo.getJobCounts('active', 'completed');
        maxActive = Math.max(maxActive, counts.active);
        return counts.completed >= jobs.length;
      },
      'all 6 sleep jobs completed',
      { timeoutMs: 20_000, intervalMs: 10 },
    );
    expect(maxActive).toBe(1);
    await fx.policies.update('demo', { concurrency: null });
  });
});
