import { ConfigError } from '../errors/config.error';

/** A seed node of a Redis Cluster. */
export interface ClusterNode {
  host: string;
  port: number;
}

const NODE = /^([^\s:,/]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/;

/**
 * A Redis Cluster hash tag: the first `{…}` with at least one character inside. Redis hashes only
 * the tag of a key that has one, so every key under a tagged prefix lands in the same slot.
 */
const HASH_TAG = /^[^{]*\{[^}]+\}/;

/**
 * Reads `REDIS_CLUSTER_NODES`: `host:port,host:port` (IPv6 as `[::1]:7000`). A few seed nodes are
 * enough; the client learns the others from the cluster.
 * @throws ConfigError naming the key when an entry is not `host:port` with a port 1-65535.
 */
export function parseClusterNodes(text: string): ClusterNode[] {
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!entries.length) {
    throw new ConfigError('REDIS_CLUSTER_NODES', 'name at least one seed node as host:port');
  }
  return entries.map((entry) => {
    const match = NODE.exec(entry);
    const port = Number(match?.[2]);
    if (!match || port < 1 || port > 65535) {
      throw new ConfigError(
        'REDIS_CLUSTER_NODES',
        `${JSON.stringify(entry)} is not host:port (a comma list like 10.0.0.1:6379,10.0.0.2:6379)`,
      );
    }
    return { host: match[1].replace(/^\[|\]$/g, ''), port };
  });
}

/** Whether every key under `prefix` hashes to one Redis Cluster slot (the prefix carries a hash tag). */
export function hasHashTag(prefix: string): boolean {
  return HASH_TAG.test(prefix);
}
