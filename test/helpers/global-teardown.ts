import type { EmbeddedRedis } from '../../libs/queue-core/src/redis/embedded-redis';

/** Stops the suite's redis-server. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __jobqRedis?: EmbeddedRedis }).__jobqRedis?.stop();
}
