import { Injectable } from '@nestjs/common';
import { FleetStore } from '../fleet/fleet.store';
import { PolicyStore } from './policy.store';
import { assertValidName } from '../names/queue-name';
import { RedisKeys } from '../names/redis-keys';
import { RedisConnections } from '../redis/redis-connections';
import { QueueRegistry } from './queue.registry';
import { QueueCountersStore } from './queue-counters.store';

/** Destructive queue-level actions. */
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
}
