import { Cluster } from 'ioredis';
import type { Redis } from 'ioredis';
import type { RedisClient } from './redis-connections';

/**
 * The servers behind a connection: the one Redis, or the cluster's nodes of `role`. For the
 * commands a cluster client cannot route by key (SCAN, INFO, CONFIG), which must go to each node.
 */
export function serversOf(redis: RedisClient, role: 'master' | 'all' = 'master'): Redis[] {
  return redis instanceof Cluster ? redis.nodes(role) : [redis];
}
