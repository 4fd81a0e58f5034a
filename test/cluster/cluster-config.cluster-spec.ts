import { spawnApp } from '../helpers/apps';
import { testEnv } from '../helpers/test-env';

/** A process pointed at a cluster the wrong way stops at boot, saying what to set. */
describe('Redis Cluster configuration at boot', () => {
  const seeds = () => {
    const nodes = process.env.JOBQ_TEST_CLUSTER_NODES;
    if (!nodes) throw new Error('run through npm run test:cluster (its set-up starts the cluster)');
    return nodes;
  };

  it('refuses a prefix without a hash tag', async () => {
    const api = spawnApp('api', testEnv({ QUEUE_PREFIX: 'plain' }));
    expect((await api.exited).code).toBe(1);
    expect(api.lines.join('\n')).toContain(
      'configuration QUEUE_PREFIX: on a Redis Cluster the prefix must carry a hash tag',
    );
    expect(api.lines.join('\n')).toContain('set QUEUE_PREFIX={plain}');
  });

  it('refuses a REDIS_URL that names one node of a cluster', async () => {
    const [node] = seeds().split(',');
    const api = spawnApp('api', testEnv({ REDIS_URL: `redis://${node}` }));
    expect((await api.exited).code).toBe(1);
    expect(api.lines.join('\n')).toContain(
      `configuration REDIS_URL: redis://${node} is a Redis Cluster node: set REDIS_CLUSTER_NODES=`,
    );
  });
});
