import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { spawnApp, spawnDist } from '../helpers/apps';
import { waitUntil } from '../helpers/wait-until';
import { stackEnv, startStack, stopStacks } from './stack';

describe('the embedded Redis of npm start has a home under DATA_DIR', () => {
  afterEach(stopStacks);
  const dataDir = mkdtempSync(join(tmpdir(), 'jobq-home-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const record = () =>
    JSON.parse(readFileSync(join(dataDir, 'redis', 'embedded.json'), 'utf8')) as {
      url: string;
      port: number;
      launcher_pid: number;
      redis_pid: number;
    };

  it('records its URL, which an app started on its own finds; refuses a second stack on it; keeps data and port across restarts', async () => {
    const env = await stackEnv(dataDir);
    const first = await startStack(env);
    const { url, port, launcher_pid, redis_pid } = record();
    expect(launcher_pid).toBe(first.process.pid);
    expect(first.process.lines.join('\n')).toContain(`redis      ${url}   (embedded`);
    const client = new Redis(url);
    await client.set('jobq-start-test', 'survives');
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    client.disconnect();

    const worker = spawnApp('worker', { REDIS_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    try {
      const found = await worker.waitForLine(/REDIS_URL unset: using the Redis npm start embeds/);
      expect(JSON.parse(found)).toMatchObject({ redis: url });
      await waitUntil(async () => {
        const fleet = (await (await fetch(`${first.api}/w/`)).json()) as {
          workers: { pid: number }[];
        };
        return fleet.workers.some((w) => w.pid === worker.pid);
      }, 'the standalone worker in the stack fleet');
    } finally {
      await worker.stop();
    }

    const refused = spawnDist('scripts/start.js', await stackEnv(dataDir));
    expect(await refused.exited).toMatchObject({ code: 1 });
    expect(refused.lines.join('\n')).toContain(
      `jobq: an embedded Redis already runs for ${join(dataDir, 'redis')} at ${url} (npm start pid ${first.process.pid}, redis-server pid ${redis_pid}): stop that stack first, or give this one its own DATA_DIR`,
    );

    first.process.child.kill('SIGINT');
    expect((await first.process.exited).code).toBe(0);
    await startStack(env);
    expect(record().port).toBe(port);
    const client2 = new Redis(url);
    expect(await client2.get('jobq-start-test')).toBe('survives');
    client2.disconnect();
  }, 180_000);
});
