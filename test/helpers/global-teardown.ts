/** Stops the suite's redis-server, or its Redis Cluster. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __jobqRedis?: { stop(): Promise<void> } }).__jobqRedis?.stop();
}
