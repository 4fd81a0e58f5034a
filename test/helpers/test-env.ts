import { randomUUID } from 'node:crypto';
import { Cluster, Redis, RedisOptions } from 'ioredis';
import { JobqConfig, loadConfig, RedisClient } from '@jobq/queue-core';

/** Seed nodes of the harness's Redis Cluster (`npm run test:cluster`); unset otherwise. */
const clusterNodes = () => process.env.JOBQ_TEST_CLUSTER_NODES;

const opened = new Set<RedisClient>();

/** The harness's Redis (set by global-setup); throws if a test runs without it. */
export function testRedisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url)
    throw new Error('REDIS_URL is not set: run tests through jest (global-setup starts Redis)');
  return url;
}

/**
 * A new connection to the harness's Redis — a cluster client under `npm run test:cluster` — for
 * plain BullMQ objects and direct reads; closed after the test file (see close-test-redis).
 */
export function testRedis(options: RedisOptions = {}): RedisClient {
  const nodes = clusterNodes()?.split(',');
  const redis = nodes
    ? new Cluster(
        nodes.map((n) => ({ host: n.split(':')[0], port: Number(n.split(':')[1]) })),
        { redisOptions: options },
      )
    : new Redis(testRedisUrl(), options);
  opened.add(redis);
  return redis;
}

/** Closes every {@link testRedis} connection. */
export async function closeTestRedis(): Promise<void> {
  await Promise.all([...opened].map((r) => r.quit().catch(() => r.disconnect())));
  opened.clear();
}

/** A queue (or topic) name no other test uses. */
export function freshName(kind = 'test'): string {
  return `${kind}-${randomUUID()}`;
}

/**
 * Environment for an app under test: the harness Redis (or Redis Cluster), a private key prefix
 * (hash-tagged on a cluster), quiet logs.
 */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const nodes = clusterNodes();
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const redis: Record<string, string> = overrides.REDIS_URL
    ? {}
    : nodes
      ? { REDIS_CLUSTER_NODES: nodes }
      : { REDIS_URL: testRedisUrl() };
  return {
    ...redis,
    QUEUE_PREFIX: nodes ? `{${prefix}}` : prefix,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    API_PORT: '0',
    DASHBOARD_PORT: '0',
    ...overrides,
  };
}

/** A validated config for in-process apps; see {@link testEnv}. */
export function testConfig(overrides: Record<string, string> = {}): JobqConfig {
  return loadConfig(testEnv(overrides));
}
