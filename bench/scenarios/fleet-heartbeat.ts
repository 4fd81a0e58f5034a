import {
  createLogger,
  FleetStore,
  loadConfig,
  RedisConnections,
  RedisKeys,
  WorkerBeat,
} from '@jobq/queue-core';
import type { Redis } from 'ioredis';
import type { Scenario } from '../lib/scenario';

const WORKERS = 200;
const INTERVAL_MS = 5000;

/**
 * Redis CPU spent on the fleet records of 200 workers beating every 5 s (SPEC §4: under 1%): the
 * server's CPU while they beat, less what the same server uses idle just before (its own timers,
 * ~0.2% of a core here), both kept as extras.
 */
export const fleetHeartbeat: Scenario = {
  name: 'fleet heartbeats, 200 workers every 5 s (Redis CPU)',
  unit: '% of a core',
  goal: '<= 1%',
  higherIsBetter: false,
  meets: (m) => m.jobq <= 1,
  async run(ctx) {
    const seconds = ctx.size(30, 5);
    const prefix = ctx.prefix();
    const config = loadConfig({ REDIS_URL: ctx.redisUrl, QUEUE_PREFIX: prefix });
    const connections = new RedisConnections(config, 'tool', createLogger('bench', 'silent'));
    const fleet = new FleetStore(connections, new RedisKeys(prefix));
    const admin = ctx.redis();
    await connections.ready();
    try {
      const idle = await redisShare(admin, ctx.size(10, 2));
      const beats = Array.from({ length: WORKERS }, (_, i) => beat(`bench-worker-${i}`));
      await Promise.all(beats.map((b) => fleet.beat(b, new Map(), b.queues)));
      const timers = beats.map((b, i) => {
        const tick = () =>
          void fleet.beat(
            { ...b, processed: b.processed++ },
            new Map([['demo', { processed: 1, failed: 0, wait: [[5, 1]], run: [[3, 1]] }]]),
          );
        return setTimeout(
          () => {
            tick();
            timers[i] = setInterval(tick, INTERVAL_MS);
          },
          (i * INTERVAL_MS) / WORKERS,
        );
      });
      const total = await redisShare(admin, seconds);
      timers.forEach((t) => clearInterval(t));
      return {
        jobq: (total - idle) * 100,
        baseline: null,
        extra: { redis_total: total * 100, redis_idle: idle * 100 },
      };
    } finally {
      admin.disconnect();
      await connections.onApplicationShutdown();
    }
  },
};

function beat(id: string): WorkerBeat {
  const now = Date.now();
  return {
    worker_id: id,
    kind: 'process',
    host: 'bench-host',
    pid: 1,
    queues: ['demo'],
    concurrency: 10,
    started_at: now,
    processed: 0,
    failed: 0,
    active: 3,
    current_jobs: ['1', '2', '3'],
    busy_ms: 1000,
    utilization: 0.3,
    idle_since: null,
    rss_bytes: 100_000_000,
    heap_bytes: 50_000_000,
    version: 'bench',
    heartbeat_ms: INTERVAL_MS,
  };
}

/** Share of a core the Redis server uses over the next `seconds`. */
async function redisShare(redis: Redis, seconds: number): Promise<number> {
  const before = await redisCpu(redis);
  const started = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  return ((await redisCpu(redis)) - before) / ((performance.now() - started) / 1000);
}

async function redisCpu(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const value = (key: string) => Number(new RegExp(`${key}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return value('used_cpu_sys') + value('used_cpu_user');
}
