import { setTimeout as sleep } from 'node:timers/promises';
import { EFFECTS_QUEUE, effectsKey } from '../fixtures/effects/record-effect.handler';
import { waitUntil } from '../helpers/wait-until';
import { FAST_STALL } from '../worker/worker-fixture';
import { FaultStack } from './fault-stack';

/** An enqueue the API answered 201, and when. */
interface Acknowledged {
  id: string;
  at: number;
}

describe('Redis restart with AOF (appendfsync everysec): no acknowledged job is lost', () => {
  let stack: FaultStack;
  beforeAll(async () => (stack = await FaultStack.start({ appendOnly: true, env: FAST_STALL })));
  afterAll(() => stack.close());

  it('Redis killed mid-run and started again: every job answered 201 over a second before completes', async () => {
    const api = await stack.spawnApi();
    const worker = await stack.spawnWorker({}, 'test/fixtures/effects/main.js');
    const acknowledged: Acknowledged[] = [];
    let refused = 0;
    let producing = true;
    const producer = async () => {
      while (producing) {
        const res = await fetch(`${api.url}/q/${EFFECTS_QUEUE}?name=record`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ms: 5 }),
        }).catch(() => undefined);
        if (res?.status === 201) {
          acknowledged.push({ id: ((await res.json()) as { id: string }).id, at: Date.now() });
        } else {
          refused += 1;
          await res?.text();
          await sleep(50);
        }
      }
    };
    const producers = Array.from({ length: 4 }, producer);

    await waitUntil(() => acknowledged.length >= 500, '500 enqueues', { timeoutMs: 30_000 });
    const killedAt = Date.now();
    await stack.killRedis();
    await sleep(1000);
    await stack.startRedis();
    const back = acknowledged.length;
    await waitUntil(() => acknowledged.length >= back + 500, 'enqueues answered again', {
      timeoutMs: 30_000,
    });
    producing = false;
    await Promise.all(producers);

    const effects = stack.admin();
    const missing = async (jobs: Acknowledged[]) => {
      const landed = await effects.hmget(effectsKey(stack.prefix), ...jobs.map((j) => j.id));
      return jobs.filter((_, i) => landed[i] === null);
    };
    const safe = acknowledged.filter((j) => j.at < killedAt - 1000 || j.at > killedAt);
    await waitUntil(async () => (await missing(safe)).length === 0, 'every safe job done', {
      timeoutMs: 60_000,
    });
    const lastSecond = acknowledged.filter((j) => j.at >= killedAt - 1000 && j.at <= killedAt);
    console.log(
      `redis restart: ${acknowledged.length} enqueues answered 201 (${refused} refused with 503 during the restart), ` +
        `${safe.length} of them more than 1 s before the kill or after it, all completed; ` +
        `${(await missing(lastSecond)).length} of the ${lastSecond.length} answered in the last second before the kill lost`,
    );
    expect(refused).toBeGreaterThan(0);
    expect(worker.child.exitCode).toBeNull();
    expect(api.process.child.exitCode).toBeNull();
  });
});
