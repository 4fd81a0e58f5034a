import { QueueRegistry } from '@jobq/queue-core';
import { RunningHttpApp, spawnApp, SpawnedProcess, startApi } from '../helpers/apps';
import { TestCluster } from '../helpers/test-cluster';
import { testConfig, testEnv } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { FAST_STALL } from '../worker/worker-fixture';

const JOBS = 2000;
const KILL_AFTER = 600;
const PRODUCERS = 8;

/** What the producers saw: the ids answered 201, and the refusals they retried. */
interface Produced {
  acknowledged: string[];
  retried: Map<number, number>;
}

/**
 * One master of a private cluster — the one holding the queue's slot — is killed (SIGKILL)
 * while jobs stream in through the API and a worker process runs them; its replica takes over.
 * Every job the API acknowledged with 201 completes; while the cluster fails over, the API
 * answers 503 (never 500) and the producers try again. No key lands outside the prefix's slot.
 */
describe('Redis Cluster failover', () => {
  let cluster: TestCluster;
  let api: RunningHttpApp;
  let worker: SpawnedProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    cluster = await TestCluster.start({ nodeTimeoutMs: 1000 });
    env = testEnv({
      REDIS_CLUSTER_NODES: cluster.seeds,
      QUEUE_PREFIX: `{failover-${process.pid}}`,
      WORKER_QUEUES: 'demo',
      ...FAST_STALL,
    });
    api = await startApi(testConfig(env));
    const policy = await fetch(`${api.url}/policy/demo`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ retention: { completed: { count: JOBS * 2, age_s: 3600 } } }),
    });
    expect(policy.status).toBe(200);
    worker = spawnApp('worker', { ...env, LOG_LEVEL: 'info' });
    await worker.waitForLine(/"msg":"worker ready"/, 30_000);
  }, 60_000);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.close();
    await cluster?.stop();
  });

  it('loses no acknowledged job when the master of the queue is killed mid-run', async () => {
    const shard = await cluster.shardOf(env.QUEUE_PREFIX);
    const produced: Produced = { acknowledged: [], retried: new Map() };
    const producing = produce(api.url, produced);

    await waitUntil(() => produced.acknowledged.length >= KILL_AFTER, `${KILL_AFTER} enqueued`, {
      timeoutMs: 60_000,
    });
    const killedAt = Date.now();
    await cluster.kill(shard.master);
    await cluster.waitUntilPromoted(shard.replica);
    const promotedMs = Date.now() - killedAt;
    await producing;

    const queue = api.app.get(QueueRegistry).queue('demo');
    let lost = produced.acknowledged;
    await waitUntil(
      async () => {
        const states = await Promise.all(lost.map((id) => queue.getJobState(id)));
        lost = lost.filter((_, i) => states[i] !== 'completed');
        return lost.length === 0;
      },
      'every acknowledged job to complete',
      { timeoutMs: 90_000, intervalMs: 500 },
    ).catch(() => undefined); // what is left is reported below
    console.log(
      JSON.stringify({
        acknowledged: produced.acknowledged.length,
        refused_then_retried: Object.fromEntries(produced.retried),
        replica_promoted_after_ms: promotedMs,
        lost: lost.length,
      }),
    );
    const keysElsewhere = [...(await cluster.keyCounts())].filter(
      ([port, count]) => port !== shard.replica && count > 0,
    );
    expect(produced.acknowledged).toHaveLength(JOBS);
    expect(lost).toEqual([]);
    // Every key the api and the worker wrote (jobs, policy, fleet, registry) is in the tag's slot.
    expect(keysElsewhere).toEqual([]);
    expect(
      [...produced.retried.keys()].filter((status) => status >= 500 && status !== 503),
    ).toEqual([]);
  }, 180_000);
});

/**
 * Enqueues {@link JOBS} `echo` jobs over HTTP from a few concurrent producers, each job retried
 * until it is answered 201 (a refusal — 503 while the cluster fails over — is counted by status).
 */
async function produce(url: string, produced: Produced): Promise<void> {
  let next = 0;
  const producer = async () => {
    for (let i = next++; i < JOBS; i = next++) {
      for (;;) {
        const status = await enqueue(url, i, produced);
        if (status === 201) break;
        produced.retried.set(status, (produced.retried.get(status) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  await Promise.all(Array.from({ length: PRODUCERS }, producer));
}

async function enqueue(url: string, i: number, produced: Produced): Promise<number> {
  try {
    const res = await fetch(`${url}/q/demo?name=echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ i }),
      signal: AbortSignal.timeout(5000),
    });
    const body = (await res.json()) as { id?: string };
    if (res.status === 201 && body.id) produced.acknowledged.push(body.id);
    return res.status;
  } catch {
    return 0;
  }
}
