import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { DebianProgram, ensureDebianProgram } from '../../scripts/lib/debian-program';
import { EmbeddedRedis, freePort } from '../../scripts/lib/embedded-redis';
import { waitUntil } from '../../scripts/lib/wait-until';

/** Debian's redis-cli (package redis-tools), which joins the nodes into a cluster. */
const REDIS_CLI: DebianProgram = {
  package: 'redis-tools',
  override: 'REDIS_CLI_BIN',
  debianPath: '/usr/bin/redis-cli',
  onPath: true,
  elsewhere: 'macOS: brew install redis',
};

/** A master of a {@link TestCluster} and its replica, by port. */
export interface Shard {
  master: number;
  replica: number;
}

/**
 * A private Redis Cluster for tests, no Docker: three masters with one replica each
 * (redis-server in cluster mode, joined by `redis-cli --cluster create`) on free loopback ports,
 * data in a temporary folder removed by {@link stop}. A master that dies is replaced by its
 * replica after about twice `nodeTimeoutMs`.
 */
export class TestCluster {
  private constructor(
    private readonly nodes: EmbeddedRedis[],
    private readonly dir: string,
  ) {}

  static async start({ nodeTimeoutMs = 1000 } = {}): Promise<TestCluster> {
    const dir = mkdtempSync(join(tmpdir(), 'jobq-test-cluster-'));
    const cluster = new TestCluster([], dir);
    try {
      // One by one, each with its own free bus port (port + 10000 may be taken or beyond 65535).
      for (let i = 0; i < 6; i++) {
        const args = ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf'];
        args.push('--cluster-node-timeout', String(nodeTimeoutMs));
        args.push('--cluster-port', String(await freePort()));
        const node = await EmbeddedRedis.start({
          dataDir: join(dir, `node-${i}`),
          appendOnly: false,
          args,
        });
        cluster.nodes.push(node);
      }
      cluster.create();
      await cluster.waitUntilHealthy();
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  /** Every node's `host:port`, comma-separated: the value for `REDIS_CLUSTER_NODES`. */
  get seeds(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  /** The master serving `key`'s slot and its replica. */
  async shardOf(key: string): Promise<Shard> {
    return this.withNode(this.live()[0], async (redis) => {
      const slot = (await redis.cluster('KEYSLOT', key)) as number;
      const lines = ((await redis.cluster('NODES')) as string).trim().split('\n');
      const fields = lines.map((line) => line.split(' '));
      const master = fields.find(
        ([, , flags, , , , , , ...slots]) =>
          flags.includes('master') &&
          slots.some((range) => {
            const [from, to = from] = range.split('-').map(Number);
            return slot >= from && slot <= to;
          }),
      );
      const replica = fields.find(
        ([, , flags, masterId]) => flags.includes('slave') && masterId === master?.[0],
      );
      if (!master || !replica) throw new Error(`no master with a replica serves slot ${slot}`);
      const port = (address: string) => Number(address.split('@')[0].split(':')[1]);
      return { master: port(master[1]), replica: port(replica[1]) };
    });
  }

  /** Kills the node on `port` (SIGKILL: a crash, nothing flushed). */
  async kill(port: number): Promise<void> {
    await this.nodes.find((n) => n.port === port)?.stop('SIGKILL');
  }

  /** Resolves once the replica on `port` is a master and the cluster serves every slot again. */
  async waitUntilPromoted(port: number, timeoutMs = 20_000): Promise<void> {
    await waitUntil(
      () =>
        this.withNode(port, async (redis) => {
          const [role] = (await redis.role()) as [string];
          return role === 'master' && /cluster_state:ok/.test(await redis.cluster('INFO'));
        }),
      `the replica on ${port} to take over`,
      { timeoutMs, intervalMs: 100 },
    );
  }

  /** How many keys each running node holds, by port. */
  async keyCounts(): Promise<Map<number, number>> {
    const ports = this.live();
    const counts = await Promise.all(ports.map((port) => this.withNode(port, (r) => r.dbsize())));
    return new Map(ports.map((port, i) => [port, counts[i]]));
  }

  /** Stops every node and removes the data folder. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Joins the six nodes: three masters sharing the slots, each with one replica. */
  private create(): void {
    const addresses = this.nodes.map((n) => `127.0.0.1:${n.port}`);
    const create = spawnSync(
      ensureDebianProgram(REDIS_CLI),
      ['--cluster', 'create', ...addresses, '--cluster-replicas', '1', '--cluster-yes'],
      { encoding: 'utf8', timeout: 30_000 },
    );
    if (create.status !== 0) {
      throw new Error(`redis-cli --cluster create failed: ${create.stdout}${create.stderr}`);
    }
  }

  /** Every node agrees the cluster is `ok` and every replica is in sync with its master. */
  private async waitUntilHealthy(): Promise<void> {
    await waitUntil(
      async () => {
        for (const port of this.live()) {
          const healthy = await this.withNode(port, async (redis) => {
            const info = await redis.cluster('INFO');
            const replication = await redis.info('replication');
            return (
              /cluster_state:ok/.test(info) &&
              /cluster_known_nodes:6/.test(info) &&
              (/role:master/.test(replication) || /master_link_status:up/.test(replication))
            );
          });
          if (!healthy) return false;
        }
        return true;
      },
      'the test cluster to be healthy',
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }

  private live(): number[] {
    return this.nodes.filter((n) => n.running).map((n) => n.port);
  }

  private async withNode<T>(port: number, use: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return await use(redis);
    } finally {
      redis.disconnect();
    }
  }
}
