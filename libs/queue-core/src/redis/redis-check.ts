import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../names/tokens';
import { RedisConnections } from './redis-connections';
import { serversOf } from './redis-servers';

/** What {@link RedisCheck} found about the Redis server. */
export interface RedisStatus {
  reachable: boolean;
  version?: string;
  /**
   * `maxmemory-policy` (on a cluster, the first node's that is not `noeviction`, if any);
   * `unknown` where `CONFIG` is disabled (managed Redis).
   */
  evictionPolicy?: string;
  /** False when the eviction policy may drop keys: BullMQ then loses jobs. */
  evictionSafe: boolean;
  error?: string;
}

/** What is wrong with a Redis whose eviction policy is not `noeviction`, and what to set. */
export const EVICTION_UNSAFE =
  'maxmemory-policy is not noeviction: jobs can be lost under memory pressure; set `maxmemory-policy noeviction`';

/**
 * Checks the Redis a process got (every node of a cluster): reachable, and `maxmemory-policy
 * noeviction` (any other policy lets Redis drop BullMQ keys under memory pressure, i.e. lose
 * jobs). Logged at boot as an error, reported by readiness and the dashboard.
 */
@Injectable()
export class RedisCheck {
  constructor(
    private readonly connections: RedisConnections,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async check(): Promise<RedisStatus> {
    try {
      await this.connections.ready(1000);
      const servers = serversOf(this.connections.client, 'all');
      const info = await servers[0].info('server');
      const version = /redis_version:(\S+)/.exec(info)?.[1];
      const policies = await Promise.all(
        servers.map((server) =>
          server
            .config('GET', 'maxmemory-policy')
            .then((r) => (r as string[])[1] ?? 'unknown')
            .catch(() => 'unknown'),
        ),
      );
      const evictionPolicy = policies.find((p) => p !== 'noeviction') ?? 'noeviction';
      return {
        reachable: true,
        version,
        evictionPolicy,
        evictionSafe: evictionPolicy === 'noeviction',
      };
    } catch (err) {
      return { reachable: false, evictionSafe: false, error: (err as Error).message };
    }
  }

  /** Boot-time check: waits for the first connection, then logs what it found. */
  async checkAtBoot(): Promise<RedisStatus> {
    const status = await this.check();
    if (!status.reachable) {
      this.logger.error(
        { redis: this.connections.url, error: status.error },
        'redis is not reachable',
      );
    } else if (!status.evictionSafe) {
      this.logger.error({ evictionPolicy: status.evictionPolicy }, `redis ${EVICTION_UNSAFE}`);
    } else {
      this.logger.info({ redisVersion: status.version }, 'redis ok');
    }
    return status;
  }
}
