import { FAST_STALL, WorkerFixture } from './worker-fixture';

describe('worker app: shutdown and crashes', () => {
  let fx: WorkerFixture;
  beforeEach(async () => (fx = await WorkerFixture.create(FAST_STALL)));
  afterEach(() => fx.close());

  it('SIGTERM lets the active job finish, then exits 0', async () => {
    const worker = await fx.spawnWorker();
    const job = await fx.demo.add('sleep', { ms: 1500 }, { attempts: 1 });
    await fx.active(job.id!);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(await fx.demo.getJobState(job.id!)).toBe('completed');
    const log = worker.lines.join('\n');
    expect(log).toMatch(/"msg":"draining: taking no new jobs/);
    expect(log).toMatch(/"msg":"worker stopped"/);
  });

  it('past WORKER_GRACE_MS it exits 0 anyway and the job goes back to the queue', async () => {
    const worker = await fx.spawnWorker({ WORKER_GRACE_MS: '200' });
    const job = await fx.demo.add('sleep', { ms: 2000 }, { attempts: 1 });
    await fx.active(job.id!);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.lines.join('\n')).toMatch(/"msg":"grace period over/);
    await fx.spawnWorker();
    const done = await fx.settled(job.id!, 20_000);
    expect(await done.getState()).toBe('completed');
  });

  it('a job of a worker killed with SIGKILL completes on another worker', async () => {
    const first = await fx.spawnWorker();
    const job = await fx.demo.add('sleep', { ms: 1000 }, { attempts: 1 });
    await fx.active(job.id!);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await fx.spawnWorker();
    const done = await fx.settled(job.id!, 20_000);
    expect(await done.getState()).toBe('completed');
    expect(done.returnvalue).toEqual({ slept_ms: 1000 });
    expect(done.processedBy).toBe(`${done.processedBy!.split(':')[0]}:${second.pid}`);
  });
});
