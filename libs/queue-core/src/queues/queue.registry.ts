import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { JobqConfig } from '../config/jobq.config';
import { BroadcastService } from '../redis/broadcast.service';
import { CoreEvent } from '../names/event-names';
import { RedisConnections } from '../redis/redis-connections';
import { serversOf } from '../redis/redis-servers';
import { LOGGER } from '../names/tokens';
import { NAME_PATTERN, assertValidName } from '../names/queue-name';
import { RedisKeys } from '../names/redis-keys';
import { isRedisOutage } from '../errors/redis-failure';

/**
 * The set of known queues — kept in Redis (a SET under the prefix) so every process sees the
 * same — and this process's one BullMQ `Queue` per queue, created lazily and cached.
 *
 * A queue becomes known with its first job or policy ({@link register}); queues made by plain
 * BullMQ code are found by {@link discover}.
 */
@Injectable()
export class QueueRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly known = new Set<string>();
  private readonly queues = new Map<string, Queue>();
  private readonly releases = new Set<(name: string) => Promise<void>>();

  constructor(
    private readonly config: JobqConfig,
    private readonly connections: RedisConnections,
    private readonly keys: RedisKeys,
    private readonly broadcast: BroadcastService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.broadcast.on(CoreEvent.QueueRemoved, (name) => this.forget(name));
  }

  /** The cached BullMQ `Queue` for `name` (validated). Does not register the queue. */
  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      assertValidName(name);
      queue = new Queue(name, {
        connection: this.connections.client,
        prefix: this.config.QUEUE_PREFIX,
      });
      queue.on('error', (err) => {
        if (!isRedisOutage(err)) this.logger.warn({ err: err.message, queue: name }, 'queue error');
      });
      // Each RPC call waiting on a job of the queue (BullMQ's waitUntilFinished) listens for its closing.
      queue.setMaxListeners(0);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Records `name` as a known queue; a Redis call only the first time this process sees it. */
  async register(name: string): Promise<void> {
    if (this.known.has(name)) return;
    assertValidName(name);
    const added = await this.connections.client.sadd(this.keys.queues, name);
    this.known.add(name);
    if (added) await this.broadcast.publish(CoreEvent.QueueAdded, name);
  }

  /** Whether `name` is a known queue. */
  async has(name: string): Promise<boolean> {
    if (this.known.has(name)) return true;
    const member = await this.connections.client.sismember(this.keys.queues, name);
    if (member) this.known.add(name);
    return member === 1;
  }

  /** Every known queue, sorted. */
  async list(): Promise<string[]> {
    const names = await this.connections.client.smembers(this.keys.queues);
    return names.sort();
  }

  /**
   * Registers what this process must stop using before a queue is purged (its pull workers, its
   * `QueueEvents`): the capabilities built on the registry hook in here, so purging needs none of them.
   */
  onRelease(release: (name: string) => Promise<void>): void {
    this.releases.add(release);
  }

  /** Runs every {@link onRelease} hook for `name` in this process. */
  async release(name: string): Promise<void> {
    await Promise.all([...this.releases].map((release) => release(name)));
  }

  /** Forgets `name` here at once and everywhere else by broadcast (its jobs are the caller's business). */
  async unregister(name: string): Promise<void> {
    await this.connections.client.srem(this.keys.queues, name);
    this.forget(name);
    await this.broadcast.publish(CoreEvent.QueueRemoved, name);
  }

  /**
   * Finds queues created outside jobq (plain BullMQ `Queue`s write `<prefix>:<name>:meta`) and
   * registers them. It SCANs the keyspace (every master of a cluster), so call it on an interval,
   * not per request.
   */
  async discover(): Promise<string[]> {
    const head = `${this.config.QUEUE_PREFIX}:`;
    const found = new Set<string>();
    for (const redis of serversOf(this.connections.client)) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${head}*:meta`, 'COUNT', 5000);
        cursor = next;
        for (const key of keys) {
          const name = key.slice(head.length, -':meta'.length);
          if (!name.startsWith('_') && !name.includes(':')) found.add(name);
        }
      } while (cursor !== '0');
    }
    for (const name of found) {
      if (!this.known.has(name) && NAME_PATTERN.test(name)) await this.register(name);
    }
    return this.list();
  }

  private forget(name: string): void {
    this.known.delete(name);
    const queue = this.queues.get(name);
    this.queues.delete(name);
    void queue?.close().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
  }
}
