import { Injectable } from '@nestjs/common';
import { RedisKeys } from '../names/redis-keys';
import { RedisConnections } from '../redis/redis-connections';

/** Field of the counters HASH: payloads re-inserted after a worker failure (presque `PUT`). Persisted — never rename. */
const REINSERTED = 'reinserted';

/**
 * jobq's own per-queue totals, one small HASH per queue (`<prefix>:_jobq:counters:<queue>`).
 * Processed and failed totals come from BullMQ's metrics (kept by every jobq worker); this
 * only counts what BullMQ cannot see: failures reported by re-inserting a plain payload.
 */
@Injectable()
export class QueueCountersStore {
  constructor(
    private readonly connections: RedisConnections,
    private readonly keys: RedisKeys,
  ) {}

  /** The HASH of `queue`. Persisted — never rename. */
  key(queue: string): string {
    return this.keys.key('counters', queue);
  }

  /** Counts one failure reported by a re-insert. */
  async countReinsert(queue: string): Promise<void> {
    await this.connections.client.hincrby(this.key(queue), REINSERTED, 1);
  }

  /** Failures reported by re-inserts so far. */
  async reinserted(queue: string): Promise<number> {
    return Number((await this.connections.client.hget(this.key(queue), REINSERTED)) ?? 0);
  }

  /** Drops `queue`'s counters (queue purge). */
  async remove(queue: string): Promise<void> {
    await this.connections.client.del(this.key(queue));
  }
}
