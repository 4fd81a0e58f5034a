/**
 * Every Redis key and channel jobq itself owns (BullMQ owns `<prefix>:<queue>:*`).
 * Our keys sit under `<prefix>:_jobq:` — a leading `_` can never start a queue name, so they
 * never collide with BullMQ's. Persisted — never rename.
 */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  /** SET of every known queue name. Persisted — never rename. */
  get queues(): string {
    return `${this.prefix}:_jobq:queues`;
  }

  /** Pub/sub channel for cross-process cache invalidation. Persisted — never rename. */
  get events(): string {
    return `${this.prefix}:_jobq:events`;
  }

  /** SET of the queues that have schedules. Persisted — never rename. */
  get scheduledQueues(): string {
    return `${this.prefix}:_jobq:schedules`;
  }

  /** HASH of a queue's schedule records (field = schedule id, value = JSON). Persisted — never rename. */
  schedules(queue: string): string {
    return `${this.prefix}:_jobq:schedules:${queue}`;
  }

  /** Any further jobq-owned key: `<prefix>:_jobq:<parts…>`. */
  key(...parts: string[]): string {
    return `${this.prefix}:_jobq:${parts.join(':')}`;
  }
}
