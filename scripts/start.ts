import { resolve } from 'node:path';
import {
  createLogger,
  embeddedRedisRecordPath,
  JobqConfig,
  loadConfigOrExit,
} from '@jobq/queue-core';
import { EmbeddedRedis } from './lib/embedded-redis';
import { startRedisAtHome } from './lib/redis-home';
import { Supervisor } from './lib/supervisor';

/**
 * `npm start`: the whole stack in one command. With neither `REDIS_URL` nor `REDIS_CLUSTER_NODES`
 * set it runs the embedded redis-server of `DATA_DIR` (AOF, data under `<DATA_DIR>/redis/`, its
 * URL recorded there for apps started on their own), then api, one worker and the dashboard, supervised: an app that
 * exits unasked is restarted with backoff, and given up on (the stack stops, exit 1) after
 * `START_MAX_EXITS` exits within `START_EXIT_WINDOW_S`. Prints the URLs; Ctrl-C / SIGTERM stops
 * the apps (workers drain), then Redis, and exits 0.
 */
const APPS = ['api', 'worker', 'dashboard'] as const;
const ROOT = resolve(__dirname, '..', '..');
const config = loadConfigOrExit();
const logger = createLogger('start', config.LOG_LEVEL);
let redis: EmbeddedRedis | undefined;
let stopping = false;
const supervisor = new Supervisor({
  maxExits: config.START_MAX_EXITS,
  windowMs: config.START_EXIT_WINDOW_S * 1000,
  graceMs: config.WORKER_GRACE_MS + 10_000,
  logger,
  onGiveUp: () => void stop(1),
});

async function main(): Promise<void> {
  let redisUrl = config.REDIS_URL;
  if (!redisUrl && !config.REDIS_CLUSTER_NODES) {
    redis = await startRedisAtHome(config.DATA_DIR);
    redisUrl = redis.url;
    const record = embeddedRedisRecordPath(config.DATA_DIR);
    logger.info(
      { redis: redisUrl, record, redis_pid: redis.pid },
      'embedded redis started (AOF on)',
    );
    redis.onExit((code, signal) => {
      if (stopping) return;
      logger.error({ code, signal }, 'embedded redis exited: stopping the stack');
      void stop(1);
    });
  }
  const env = redisUrl ? { ...process.env, REDIS_URL: redisUrl } : process.env;
  for (const app of APPS)
    supervisor.start({
      name: app,
      script: resolve(ROOT, 'dist', 'apps', app, 'src', 'main.js'),
      env,
    });
  await Promise.all([waitReady(url('API', config)), waitReady(url('DASHBOARD', config))]);
  process.stdout.write(
    [
      '',
      'jobq is up:',
      `  api        ${url('API', config)}   (OpenAPI at /docs, health at /health/ready)`,
      `  dashboard  ${url('DASHBOARD', config)}   (bull-board at /board)`,
      `  redis      ${redisUrl ?? 'the cluster in REDIS_CLUSTER_NODES'}${redis ? `   (embedded, data in ${config.DATA_DIR}/redis)` : ''}`,
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
  await supervisor.stop();
  await redis?.stop();
  logger.info('stopped');
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('exit', () => supervisor.killAll());
main().catch((err: Error) => {
  process.stderr.write(`jobq: ${err.message}\n`);
  void stop(1);
});
