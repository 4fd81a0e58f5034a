import { spawn } from 'node:child_process';
import { SpawnedProcess } from '../helpers/apps';
import { waitUntil } from '../helpers/wait-until';
import { call } from '../jobs/http';
import { FaultStack, SpawnedHttpApp } from './fault-stack';

const JOBS = 200;

/** A job as `GET /qb/:queue?envelope=1` hands it out. */
interface Lease {
  id: string;
  lease: { token: string };
}

/**
 * An HTTP pull worker in a process of its own: it leases a batch and prints it as one JSON line,
 * then long-polls the `idle` queue until it is killed — it never acknowledges anything.
 */
function vanishingPuller(api: string, queue: string, idle: string): SpawnedProcess {
  const script = `
    (async () => {
      const res = await fetch('${api}/qb/${queue}?batch_size=50&envelope=1');
      console.log(JSON.stringify(await res.json()));
      for (;;) await fetch('${api}/q/${idle}?wait=20');
    })();`;
  return new SpawnedProcess(spawn(process.execPath, ['-e', script], { stdio: 'pipe' }));
}

describe('HTTP pull workers that vanish holding leases', () => {
  let stack: FaultStack;
  let api: SpawnedHttpApp;
  beforeAll(async () => {
    stack = await FaultStack.start();
    api = await stack.spawnApi();
  });
  afterAll(() => stack.close());

  it('their jobs go back after lease_ms and complete once; their late acks are refused', async () => {
    const [queue, idle] = ['leased', 'idle'];
    for (const name of [queue, idle]) {
      expect((await call('PUT', `${api.url}/policy/${name}`, { lease_ms: 1000 })).status).toBe(200);
    }
    const batch = Array.from({ length: JOBS }, (_, n) => ({ n }));
    expect((await call('POST', `${api.url}/qb/${queue}`, { jobs: batch })).status).toBe(201);

    const pullers = [0, 1].map(() => vanishingPuller(api.url, queue, idle));
    const held = await Promise.all(
      pullers.map(async (p) => JSON.parse(await p.waitForLine(/^\[/)) as Lease[]),
    );
    // Both are long-polling `idle` when they die; a job enqueued now may be handed to a dead one.
    await new Promise((r) => setTimeout(r, 500));
    await Promise.all(pullers.map((p) => p.stop('SIGKILL')));
    await call('POST', `${api.url}/q/${idle}`, { late: true });

    const seen = new Map<string, number>();
    const drain = async (name: string, total: number) => {
      let completed = 0;
      await waitUntil(
        async () => {
          const res = await call('GET', `${api.url}/qb/${name}?batch_size=50&envelope=1&wait=1`);
          for (const job of res.status === 200 ? (res.body as Lease[]) : []) {
            seen.set(`${name}/${job.id}`, (seen.get(`${name}/${job.id}`) ?? 0) + 1);
            const ack = await call('POST', `${api.url}/q/${name}/jobs/${job.id}/complete`, {
              token: job.lease.token,
            });
            if (ack.status === 200) completed += 1;
          }
          return completed === total;
        },
        `${total} jobs of ${name} completed`,
        { timeoutMs: 30_000 },
      );
    };
    await drain(queue, JOBS);
    await drain(idle, 1);

    expect([...seen.values()].filter((n) => n !== 1)).toEqual([]);
    const late = held.flat();
    expect(late).toHaveLength(100);
    for (const job of late) {
      const ack = await call('POST', `${api.url}/q/${queue}/jobs/${job.id}/complete`, {
        token: job.lease.token,
      });
      expect({ id: job.id, status: ack.status, code: ack.body.code }).toEqual({
        id: job.id,
        status: 409,
        code: 'LEASE_GONE',
      });
    }
    const counts = await call('GET', `${api.url}/j/${queue}`);
    expect(counts.body).toMatchObject({ job_processed: JOBS, job_failed: 0 });
  });
});
