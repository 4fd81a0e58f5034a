import type { EmbeddedRedis } from '../../scripts/lib/embedded-redis';

/** Stops the suite's redis-server. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __jobqRedis?: EmbeddedRedis }).__jobqRedis?.stop();
}
