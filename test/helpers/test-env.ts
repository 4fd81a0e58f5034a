import { randomUUID } from 'node:crypto';
import { JobqConfig, loadConfig } from '@jobq/queue-core';

/** The harness's Redis (set by global-setup); throws if a test runs without it. */
export function testRedisUrl(): string {
  const url = process.env.REDIS_URL;
  if (!url)
    throw new Error('REDIS_URL is not set: run tests through jest (global-setup starts Redis)');
  return url;
}

/** A queue (or topic) name no other test uses. */
export function freshName(kind = 'test'): string {
  return `${kind}-${randomUUID()}`;
}

/** Environment for an app under test: the harness Redis, a private key prefix, quiet logs. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: `t${randomUUID().slice(0, 8)}`,
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
