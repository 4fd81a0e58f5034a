import { spawnApp } from '../helpers/apps';
import { testEnv } from '../helpers/test-env';
import { WorkerFixture } from './worker-fixture';

describe('worker app: demo handlers on a real worker process', () => {
  let fx: WorkerFixture;
  beforeAll(async () => {
    fx = await WorkerFixture.create({ WORKER_CONCURRENCY: '4' });
    await fx.policies.update('demo', { timeout_ms: 1500 });
    await fx.spawnWorker();
  });
  afterAll(() => fx.close());

  it('echo completes with its input as the result', async () => {
    const job = await fx.demo.add('echo', { hello: 'world', n: [1, 2] });
    const done = await fx.settled(job.id!);
    expect(await done.getState()).toBe('completed');
    expect(done.returnvalue).toEqual({ hello: 'world', n: [1, 2] });
    expect(done.processedBy).toMatch(/:\d+$/);
    expect(await fx.registry.list()).toContain('demo');
    expect((await fx.demo.getMetrics('completed')).meta.count).toBeGreaterThanOrEqual(1);
  });

  it('progress reports progress and a log line per step', async () => {
    const job = await fx.demo.add('progress', { steps: 4 });
    const done = await fx.settled(job.id!);
    expect(done.returnvalue).toEqual({ steps: 4 });
    expect(done.progress).toBe(100);
    const { logs, count } = await fx.demo.getJobLogs(job.id!);
    expect(count).toBe(4);
    expect(logs).toEqual(['step 1/4', 'step 2/4', 'step 3/4', 'step 4/4']);
  });

  it('a job name without a handler fails at once with "no handler for <name>"', async () => {
    const job = await fx.demo.add('nope', {}, { attempts: 3 });
    const done = await fx.settled(job.id!);
    expect(await done.getState()).toBe('failed');
    expect(done.failedReason).toMatch(/^no handler for nope on queue demo/);
    expect(done.attemptsMade).toBe(1);
  });

  it('flaky completes after retries with backoff', async () => {
    const job = await fx.demo.add(
      'flaky',
      { fail_times: 2 },
      { attempts: 3, backoff: { type: 'fixed', delay: 50 } },
    );
    const done = await fx.settled(job.id!);
    expect(await done.getState()).toBe('completed');
    expect(done.returnvalue).toEqual({ attempt: 3 });
    expect(done.attemptsMade).toBe(3);
  });

  it('a job failing every attempt ends failed with reason and stacktrace', async () => {
    const job = await fx.demo.add(
      'flaky',
      { fail_times: 99 },
      { attempts: 2, backoff: { type: 'exponential', delay: 20 } },
    );
    const done = await fx.settled(job.id!);
    expect(await done.getState()).toBe('failed');
    expect(done.attemptsMade).toBe(2);
    expect(done.failedReason).toBe('flaky failure on attempt 2 (fails 99 times)');
    expect(done.stacktrace).toHaveLength(2);
    expect(done.stacktrace?.[1]).toMatch(/flaky\.handler/);
    expect(await fx.demo.getFailedCount()).toBeGreaterThanOrEqual(1);
    const logged = fx.workers[0].lines
      .filter((line) => line.includes('"msg":"job failed"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.job_id === job.id);
    expect(logged).toMatchObject({ app: 'worker', job_name: 'flaky', attempts_made: 1 });
    expect(logged).not.toHaveProperty('name'); // pino-pretty shows `name` as the logger's name
  });

  it('UnrecoverableError fails the job without retry', async () => {
    const job = await fx.demo.add('flaky', { fail_times: 5, permanent: true }, { attempts: 5 });
    const done = await fx.settled(job.id!);
    expect(await done.getState()).toBe('failed');
    expect(done.attemptsMade).toBe(1);
    expect(done.failedReason).toMatch(/flaky failure on attempt 1/);
  });

  it('timeout_ms (queue policy) fails a job running past it', async () => {
    const job = await fx.demo.add('sleep', { ms: 60_000 }, { attempts: 1 });
    const done = await fx.settled(job.id!);
    expect(await done.getState()).toBe('failed');
    expect(done.failedReason).toBe('job timed out after 1500 ms');
  });
});

describe('worker app: boot checks', () => {
  it('refuses WORKER_QUEUES naming a queue no handler serves (examples off)', async () => {
    const worker = spawnApp('worker', testEnv({ WORKER_EXAMPLES: 'false', WORKER_QUEUES: 'demo' }));
    expect(await worker.exited).toEqual({ code: 1, signal: null });
    expect(worker.lines.join('\n')).toMatch(
      /configuration WORKER_QUEUES: no handler serves demo \(queues with handlers: none\)/,
    );
  });
});
