import { testEnv } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { alive, descendants, spawnNpm, stackEnv, startStack, stopStacks } from './stack';

describe('npm start stops as a whole', () => {
  afterEach(stopStacks);
  it('SIGTERM to npm (what a container runtime or systemd sends) stops every app and Redis, exit 0', async () => {
    const stack = await startStack(await stackEnv(), 'npm');
    const pids = descendants(stack.process.pid);
    expect(pids.length).toBeGreaterThanOrEqual(5); // the launcher, redis-server, api, worker, dashboard

    stack.process.child.kill('SIGTERM');
    expect(await stack.process.exited).toEqual({ code: 0, signal: null });
    await waitUntil(() => pids.every((pid) => !alive(pid)), 'every process of the stack to exit');
  }, 120_000);

  it('when the launcher is killed outright (SIGKILL), the apps and Redis exit by themselves', async () => {
    const stack = await startStack(await stackEnv(undefined, { WORKER_GRACE_MS: '2000' }));
    const pids = descendants(stack.process.pid);
    expect(pids.length).toBeGreaterThanOrEqual(4); // redis-server, api, worker, dashboard

    stack.process.child.kill('SIGKILL');
    await waitUntil(() => pids.every((pid) => !alive(pid)), 'every app and Redis to exit', {
      timeoutMs: 30_000,
    });
    expect(stack.process.lines.join('\n')).toMatch(/the npm start launcher is gone: stopping/);
  }, 120_000);

  it('SIGTERM to npm reaches an app run on its own (npm run start:worker): it drains and exits 0', async () => {
    const npm = spawnNpm(['run', 'start:worker'], testEnv({ LOG_LEVEL: 'info' }));
    await npm.waitForLine(/"msg":"worker ready"/);
    const pids = descendants(npm.pid);

    npm.child.kill('SIGTERM');
    expect(await npm.exited).toEqual({ code: 0, signal: null });
    expect(npm.lines.join('\n')).toMatch(/"msg":"worker stopped"/);
    await waitUntil(() => pids.every((pid) => !alive(pid)), 'the worker to exit');
  });
});
