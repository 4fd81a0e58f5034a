import { TestCluster } from './test-cluster';

/**
 * `npm run test:cluster`: starts the suite's own Redis Cluster (3 masters, 3 replicas) and points
 * every test at it through `JOBQ_TEST_CLUSTER_NODES`, which {@link testEnv} turns into
 * `REDIS_CLUSTER_NODES` and a hash-tagged `QUEUE_PREFIX` (inherited by the jest workers and by
 * the app processes tests spawn). No `REDIS_URL`: a test that asks for one fails loudly.
 */
export default async function clusterGlobalSetup(): Promise<void> {
  const cluster = await TestCluster.start();
  delete process.env.REDIS_URL;
  process.env.JOBQ_TEST_CLUSTER_NODES = cluster.seeds;
  (globalThis as { __jobqRedis?: TestCluster }).__jobqRedis = cluster;
}
