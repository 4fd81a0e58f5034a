import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from '../helpers/wait-until';
import {
  alive,
  appPid,
  descendants,
  launcherLines,
  stackEnv,
  startStack,
  stopStacks,
} from './stack';

/** Whether every key of a JSON log line appears once: pino writes a key twice when a child binding and a field share it. */
function keysOnce(line: string): boolean {
  const entry = JSON.parse(line) as Record<string, unknown>;
  return Object.entries(entry).every(([key, value]) => {
    const inside =
      typeof value === 'object' ? JSON.stringify(value).split(`"${key}":`).length - 1 : 0;
    return line.split(`"${key}":`).length - 1 === 1 + inside;
  });
}

describe('npm start supervises its apps', () => {
  afterEach(stopStacks);
  it('restarts a worker killed mid-job (SIGKILL); the successor completes the job through the stalled check', async () => {
    const stack = await startStack(
      await stackEnv(undefined, { WORKER_LOCK_MS: '1000', WORKER_STALLED_INTERVAL_MS: '500' }),
    );
    const res = await fetch(`${stack.api}/q/demo?name=sleep`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 3000 }),
    });
    const { id } = (await res.json()) as { id: string };
    const job = async () =>
      (await (await fetch(`${stack.api}/q/demo/jobs/${id}`)).json()) as { state: string };
    await waitUntil(async () => (await job()).state === 'active', 'the job to run');

    const first = await appPid(stack, 'worker');
    process.kill(first, 'SIGKILL');
    const successor = await appPid(stack, 'worker', first);
    expect(alive(successor)).toBe(true);
    await waitUntil(
      async () => (await job()).state === 'completed',
      'the successor to complete the job',
      {
        timeoutMs: 30_000,
      },
    );

    const restart = launcherLines(stack).find((l) => l.msg === 'app exited unasked: restarting it');
    expect(restart).toMatchObject({
      app: 'start',
      child: 'worker',
      child_pid: first,
      signal: 'SIGKILL',
      exits: 1,
      restart_in_ms: 1000,
    });
    const launcher = stack.process.lines.filter((l) => l.includes('"app":"start"'));
    expect(launcher.length).toBeGreaterThan(4);
    expect(launcher.filter((l) => !keysOnce(l))).toEqual([]);
    expect(await (await fetch(`${stack.api}/health/ready`)).json()).toMatchObject({
      status: 'ok',
    });
  }, 120_000);

  it('gives up on an app that keeps exiting: stops the stack and exits 1', async () => {
    const stack = await startStack(await stackEnv(undefined, { START_MAX_EXITS: '2' }));
    const pids = descendants(stack.process.pid);
    const first = await appPid(stack, 'worker');
    process.kill(first, 'SIGKILL');
    process.kill(await appPid(stack, 'worker', first), 'SIGKILL');

    expect(await stack.process.exited).toEqual({ code: 1, signal: null });
    expect(
      launcherLines(stack).find((l) => l.msg === 'app keeps exiting: giving up'),
    ).toMatchObject({
      child: 'worker',
      exits: 2,
      window_s: 60,
    });
    await waitUntil(() => pids.every((pid) => !alive(pid)), 'every process of the stack to exit');
  }, 120_000);

  it('stops the stack with exit 1 when the embedded Redis dies', async () => {
    const stack = await startStack(await stackEnv(undefined, { WORKER_GRACE_MS: '2000' }));
    const pids = descendants(stack.process.pid);
    const { redis_pid } = JSON.parse(
      readFileSync(join(stack.dataDir, 'redis', 'embedded.json'), 'utf8'),
    ) as { redis_pid: number };
    process.kill(redis_pid, 'SIGKILL');

    expect(await stack.process.exited).toEqual({ code: 1, signal: null });
    expect(
      launcherLines(stack).find((l) => l.msg === 'embedded redis exited: stopping the stack'),
    ).toMatchObject({ signal: 'SIGKILL' });
    await waitUntil(() => pids.every((pid) => !alive(pid)), 'every process of the stack to exit', {
      timeoutMs: 30_000,
    });
  }, 120_000);
});
