import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/embedded-redis';
import { Redis } from 'ioredis';
import { spawnDist } from '../helpers/apps';
import { waitUntil } from '../helpers/wait-until';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids `npm start` started: its children and their children (redis-server, the apps). */
function descendants(pid: number): number[] {
  const out = execSync('ps -eo pid=,ppid=').toString();
  const rows = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of rows) {
      if (ppid !== parent) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

describe('npm start (embedded Redis)', () => {
  const root = mkdtempSync(join(tmpdir(), 'jobq-start-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function startStack() {
    const apiPort = await freePort();
    const env: Record<string, string> = {
      REDIS_URL: '',
      API_PORT: String(apiPort),
      DASHBOARD_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      DATA_DIR: root,
    };
    const stack = spawnDist('scripts/start.js', env);
    await stack.waitForLine(/jobq is up/, 60_000);
    return { stack, api: `http://127.0.0.1:${apiPort}` };
  }

  it('starts Redis, api, worker and dashboard; Ctrl-C stops all; data survives a restart', async () => {
    const first = await startStack();
    const ready = await fetch(`${first.api}/health/ready`);
    expect(ready.status).toBe(200);
    const redisUrl = /redis\s+(redis:\/\/\S+)/.exec(first.stack.lines.join('\n'))?.[1];
    expect(redisUrl).toBeDefined();
    const client = new Redis(redisUrl!);
    await client.set('jobq-start-test', 'survives');
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    client.disconnect();

    const pids = descendants(first.stack.pid);
    expect(pids.length).toBeGreaterThanOrEqual(4);
    await first.stack.stop('SIGINT');
    expect((await first.stack.exited).code).toBe(0);
    await waitUntil(() => pids.every((p) => !alive(p)), 'every process of the stack to exit');

    const second = await startStack();
    try {
      const url2 = /redis\s+(redis:\/\/\S+)/.exec(second.stack.lines.join('\n'))![1];
      const client2 = new Redis(url2);
      expect(await client2.get('jobq-start-test')).toBe('survives');
      client2.disconnect();
    } finally {
      await second.stack.stop('SIGTERM');
    }
  }, 120_000);
});
