import { Queue, Worker } from 'bullmq';
import {
  BusService,
  FleetStore,
  JobListService,
  JobService,
  PolicyStore,
  QueueAdminService,
} from '@jobq/queue-core';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName, testConfig, testRedis } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';

/** queue-core's listing, bulk actions and look-ups that the dashboard uses, on a real Redis. */
describe('job listing and bulk actions', () => {
  let api: RunningHttpApp;
  let bull: Queue;
  const queue = freshName('listing');

  beforeAll(async () => {
    api = await startApi(testConfig());
    bull = new Queue(queue, {
      connection: testRedis(),
      prefix: api.config.QUEUE_PREFIX,
    });
    await api.app.get(JobService).enqueueBatch(
      queue,
      Array.from({ length: 7 }, (_, i) => ({ i })),
    );
  });
  afterAll(async () => {
    await bull.obliterate({ force: true });
    await bull.close();
    await api.close();
  });

  const list = () => api.app.get(JobListService);

  it('pages waiting jobs in the order they will run, with a cursor, until the last page', async () => {
    const first = await list().page(queue, 'waiting', { limit: 3 });
    expect(first.jobs.map((j) => j.id)).toEqual(['1', '2', '3']);
    expect(first.jobs[0]).toMatchObject({ name: 'default', data_preview: '{"i":0}' });
    const second = await list().page(queue, 'waiting', { limit: 3, cursor: first.next! });
    expect(second.jobs.map((j) => j.id)).toEqual(['4', '5', '6']);
    const last = await list().page(queue, 'waiting', { limit: 3, cursor: second.next! });
    expect(last.jobs.map((j) => j.id)).toEqual(['7']);
    expect(last.next).toBeNull();
  });

  it('pages a sorted set by score, ties included, newest first for finished jobs', async () => {
    const finished = freshName('finished');
    const other = new Queue(finished, {
      connection: testRedis(),
      prefix: api.config.QUEUE_PREFIX,
    });
    try {
      await api.app.get(JobService).enqueueBatch(finished, [{}, {}, {}, {}, {}]);
      const redis = testRedis();
      // Five failed jobs, three of them finishing in the same millisecond.
      for (const [id, at] of [
        ['1', 1000],
        ['2', 2000],
        ['3', 2000],
        ['4', 2000],
        ['5', 3000],
      ] as const) {
        await redis.lrem(other.toKey('wait'), 0, id);
        await redis.zadd(other.toKey('failed'), at, id);
        await redis.hset(other.toKey(id), 'finishedOn', String(at), 'failedReason', `boom ${id}`);
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list().page(finished, 'failed', { limit: 2, cursor });
        seen.push(...page.jobs.map((j) => j.id));
        cursor = page.next ?? undefined;
      } while (cursor);
      expect(seen).toEqual(['5', '4', '3', '2', '1']);
      const [top] = (await list().page(finished, 'failed', { limit: 1 })).jobs;
      expect(top).toMatchObject({
        failed_reason: 'boom 5',
        finished_at: new Date(3000).toISOString(),
      });
    } finally {
      await other.obliterate({ force: true });
      await other.close();
    }
  });

  it('refuses an unknown state and a forged cursor as client mistakes', async () => {
    await expect(list().page(queue, 'sleeping')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(list().page(queue, 'failed', { cursor: 'o12' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await expect(list().page(queue, 'waiting', { cursor: 'nope' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });

  it('retries every failed job and cleans completed ones, saying how many', async () => {
    const name = freshName('bulk');
    const jobs = api.app.get(JobService);
    const admin = api.app.get(QueueAdminService);
    const other = new Queue(name, {
      connection: testRedis(),
      prefix: api.config.QUEUE_PREFIX,
    });
    try {
      await jobs.enqueueBatch(name, [{ fail: true }, { fail: true }, {}]);
      await api.app.get(PolicyStore).update(name, { attempts: 1 });
      const worker = new Worker(
        name,
        async (job) => {
          if (job.data.fail) throw new Error('boom');
        },
        { connection: testRedis({ maxRetriesPerRequest: null }), prefix: api.config.QUEUE_PREFIX },
      );
      await waitUntil(
        async () => (await other.getJobCountByTypes('failed', 'completed')) === 3,
        'three jobs finished',
      );
      await worker.close();
      expect(await admin.retryFailed(name)).toEqual({ retried: 2 });
      expect(await other.getJobCounts('failed', 'waiting')).toEqual({ failed: 0, waiting: 2 });
      expect(await admin.clean(name, 'completed')).toEqual({ removed: 1 });
      expect(await other.getJobCountByTypes('completed')).toBe(0);
    } finally {
      await other.obliterate({ force: true });
      await other.close();
    }
  });

  it('promotes a delayed job and refuses to promote one that is not delayed', async () => {
    const jobs = api.app.get(JobService);
    const { id } = await jobs.enqueue(queue, { later: true }, { delay: 60_000 });
    expect((await list().page(queue, 'delayed')).jobs.map((j) => j.id)).toEqual([id]);
    expect(await jobs.promote(queue, id)).toEqual({ id, state: 'waiting' });
    expect(await bull.getJobState(id)).toBe('waiting');
    await expect(jobs.promote(queue, id)).rejects.toMatchObject({ code: 'JOB_STATE' });
  });

  it('finds the queues holding a job id', async () => {
    const jobs = api.app.get(JobService);
    expect(await jobs.locate('2')).toContain(queue);
    expect(await jobs.locate('no-such-job')).toEqual([]);
    expect(await jobs.locate('../x')).toEqual([]);
  });

  it('reads the timing histograms and a topic’s newest messages', async () => {
    expect(await api.app.get(FleetStore).timings(queue)).toEqual({ wait: [], run: [] });
    const topic = freshName('topic');
    const bus = api.app.get(BusService);
    for (const n of [1, 2, 3]) await bus.publishJson(topic, { n });
    const recent = await bus.recent(topic, 2);
    expect(recent.map((m) => m.content)).toEqual([{ n: 3 }, { n: 2 }]);
    await bus.remove(topic);
  });
});
