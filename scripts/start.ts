import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createLogger, JobqConfig, loadConfigOrExit } from '@jobq/queue-core';
import { EmbeddedRedis } from './lib/embedded-redis';

/**
 * `npm start`: the whole stack in one command. With `REDIS_URL` unset it runs a private
 * redis-server (AOF, data under `.data/redis/`), then api, one worker and the dashboard; prints
 * their URLs; Ctrl-C / SIGTERM stops the apps (workers drain), then Redis.
 */
const APPS = ['api', 'worker', 'dashboard'] as const;
const ROOT = resolve(__dirname, '..', '..');
const config = loadConfigOrExit();
const logger = createLogger('start', config.LOG_LEVEL);
const children = new Map<string, ChildProcess>();
let redis: EmbeddedRedis | undefined;
let stopping = false;

async function main(): Promise<void> {
  let redisUrl = config.REDIS_URL;
  if (!redisUrl) {
    const dataDir = resolve(ROOT, config.DATA_DIR, 'redis');
    redis = await EmbeddedRedis.start({ dataDir });
    redisUrl = redis.url;
    logger.info({ redis: redisUrl, dataDir, pid: redis.pid }, 'embedded redis started (AOF on)');
  }
  for (const app of APPS) {
    const child = spawn(process.execPath, [resolve(ROOT, 'dist', 'apps', app, 'src', 'main.js')], {
      env: { ...process.env, REDIS_URL: redisUrl },
      stdio: 'inherit',
      detached: true,
    });
    child.once('exit', (code, signal) => {
      children.delete(app);
      if (!stopping) {
        logger.error({ app, code, signal }, 'app exited; stopping the stack');
        void stop(1);
      }
    });
    children.set(app, child);
  }
  await Promise.all([waitReady(url('API', config)), waitReady(url('DASHBOARD', config))]);
  process.stdout.write(
    [
      '',
      'jobq is up:',
      `  api        ${url('API', config)}   (OpenAPI at /docs, health at /health/ready)`,
      `  dashboard  ${url('DASHBOARD', config)}   (bull-board at /board)`,
      `  redis      ${redisUrl}${redis ? `   (embedded, data in ${config.DATA_DIR}/redis)` : ''}`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

function url(app: 'API' | 'DASHBOARD', c: JobqConfig): string {
  const host = c[`${app}_HOST`];
  return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${c[`${app}_PORT`]}`;
}

async function waitReady(base: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!stopping && Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!stopping) throw new Error(`${base} not ready after 60 s`);
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('stopping the stack');
  const graceMs = config.WORKER_GRACE_MS + 5_000;
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise<void>((done) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  await redis?.stop();
  logger.info('stopped');
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('exit', () => {
  for (const child of children.values()) child.kill('SIGKILL');
});
main().catch((err: Error) => {
  process.stderr.write(`jobq: ${err.message}\n`);
  void stop(1);
});
