import { RunningHttpApp, startApi } from '../helpers/apps';
import { testConfig } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { WorkerFixture } from '../worker/worker-fixture';

interface Record {
  worker_id: string;
  kind: string;
  pid: number;
  processed: number;
  failed: number;
  status: string;
  queues: string[];
}

describe('worker fleet records (two worker processes)', () => {
  let fixture: WorkerFixture;
  let api: RunningHttpApp;

  beforeAll(async () => {
    fixture = await WorkerFixture.create({ WORKER_HEARTBEAT_MS: '200', WORKER_QUEUES: 'demo' });
    api = await startApi(testConfig({ ...fixture.env, LOG_LEVEL: 'silent' }));
  });
  afterAll(async () => {
    await fixture.close();
    await api.close();
  });

  const workers = async (): Promise<Record[]> =>
    (await (await fetch(`${api.url}/w/`)).json()).workers;

  it('counts a known workload per worker, marks a SIGKILLed worker lost, retires a stopped one', async () => {
    const [a, b] = await Promise.all([fixture.spawnWorker(), fixture.spawnWorker()]);
    await fixture.demo.addBulk([
      ...Array.from({ length: 20 }, (_, n) => ({ name: 'echo', data: { n } })),
      ...Array.from({ length: 5 }, () => ({
        name: 'flaky',
        data: { fail_times: 1 },
        opts: { attempts: 1 },
      })),
    ]);
    await waitUntil(
      async () => (await fixture.demo.getJobCountByTypes('completed', 'failed')) === 25,
      '25 finished jobs',
    );

    const mine = await waitUntil(async () => {
      const list = (await workers()).filter((w) => w.pid === a.pid || w.pid === b.pid);
      const processed = list.reduce((n, w) => n + w.processed, 0);
      const failed = list.reduce((n, w) => n + w.failed, 0);
      return list.length === 2 && processed === 20 && failed === 5 ? list : undefined;
    }, 'both records to count the workload');
    for (const w of mine) expect(w).toMatchObject({ kind: 'process', queues: ['demo'] });

    const status = await (await fetch(`${api.url}/status/demo`)).json();
    expect(status).toMatchObject({
      processed: 20,
      failed: 5,
      current_workers: 2,
      registrations: 2,
      distinct_workers_ever: 2,
      terminations: 0,
    });
    expect(status.wait_ms.p50).not.toBeNull();
    expect(status.run_ms.p95).not.toBeNull();

    const killed = mine.find((w) => w.pid === a.pid)!;
    await a.stop('SIGKILL');
    await waitUntil(
      async () =>
        (await workers()).find((w) => w.worker_id === killed.worker_id)?.status === 'lost',
      'the killed worker to show as lost',
    );

    const stopped = mine.find((w) => w.pid === b.pid)!;
    expect((await b.stop('SIGTERM')).code).toBe(0);
    expect((await workers()).some((w) => w.worker_id === stopped.worker_id)).toBe(false);
    const after = await (await fetch(`${api.url}/w/?queue_name=demo`)).json();
    expect(after).toMatchObject({
      terminations: 1,
      distinct_workers_ever: 2,
      current_workers: 0,
      processed: 20,
      failed: 5,
    });
    expect(after.workers_list).toEqual([killed.worker_id]);
  });
});
