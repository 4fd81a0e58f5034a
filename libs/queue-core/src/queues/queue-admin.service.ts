import { Injectable } from '@nestjs/common';
import { FleetStore } from '../fleet/fleet.store';
import { PolicyStore } from './policy.store';
import { assertValidName } from '../names/queue-name';
import { RedisKeys } from '../names/redis-keys';
import { RedisConnections } from '../redis/redis-connections';
import { QueueRegistry } from './queue.registry';
import { QueueCountersStore } from './queue-counters.store';

/** Jobs a clean removes per Redis call, so a big clean never blocks Redis for long. */
const CLEAN_BATCH = 1000;

/** The finished states a clean empties. */
export type CleanableState = 'completed' | 'failed';

/** Queue-level actions on many jobs at once, and the destructive ones. */
@Injectable()
export class QueueAdminService {
  constructor(
    private readonly registry: QueueRegistry,
    private readonly policies: PolicyStore,
    private readonly counters: QueueCountersStore,
    private readonly fleet: FleetStore,
    private readonly connections: RedisConnections,
    private readonly keys: RedisKeys,
  ) {}

  /**
   * presque `DELETE /q/:queue`: removes every job (active ones too), the queue's BullMQ keys
   * (metrics, pause, global limits, job schedulers), jobq's counters, fleet statistics, schedule
   * records and policy, and unregisters the queue everywhere. Purging a queue that does not exist does nothing.
   */
  async purge(queue: string): Promise<void> {
    assertValidName(queue);
    // A BullMQ Queue made while Redis is away waits for it instead of failing: check first.
    await this.connections.ready();
    await this.registry.release(queue);
    await this.registry.queue(queue).obliterate({ force: true });
    await Promise.all([
      this.counters.remove(queue),
      this.fleet.purgeQueue(queue),
      this.policies.remove(queue),
      this.connections.client
        .multi()
        .del(this.keys.schedules(queue))
        .srem(this.keys.scheduledQueues, queue)
        .exec(),
    ]);
    await this.registry.unregister(queue);
  }

  /**
   * Moves every failed job of `queue` back to waiting (BullMQ `retryJobs`, in batches inside
   * Redis) and answers how many went.
   */
  async retryFailed(queue: string): Promise<{ retried: number }> {
    assertValidName(queue);
    if (!(await this.registry.has(queue))) return { retried: 0 };
    const bull = this.registry.queue(queue);
    const before = await bull.getJobCountByTypes('failed');
    await bull.retryJobs({ state: 'failed', count: CLEAN_BATCH });
    const after = await bull.getJobCountByTypes('failed');
    return { retried: Math.max(before - after, 0) };
  }

  /**
   * Removes every `state` job of `queue` (completed or failed), {@link CLEAN_BATCH} per Redis
   * call, and answers how many went.
   */
  async clean(queue: string, state: CleanableState): Promise<{ removed: number }> {
    assertValidName(queue);
    if (!(await this.registry.has(queue))) return { removed: 0 };
    const bull = this.registry.queue(queue);
    let removed = 0;
    for (;;) {
      const ids = await bull.clean(0, CLEAN_BATCH, state);
      removed += ids.length;
      if (ids.length < CLEAN_BATCH) return { removed };
    }
  }
}
