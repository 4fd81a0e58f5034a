import { Injectable } from '@nestjs/common';
import { RedisKeys } from '../names/redis-keys';
import { RedisConnections } from '../redis/redis-connections';
import type { ScheduleRecord } from './schedule-record';

/**
 * jobq's schedule records: one HASH per queue (field = id, value = JSON) and a SET of the queues
 * that have any (layouts in `RedisKeys`; a queue purge deletes them with the queue).
 */
@Injectable()
export class ScheduleStore {
  constructor(
    private readonly connections: RedisConnections,
    private readonly keys: RedisKeys,
  ) {}

  private get queuesKey(): string {
    return this.keys.scheduledQueues;
  }

  private key(queue: string): string {
    return this.keys.schedules(queue);
  }

  async get(queue: string, id: string): Promise<ScheduleRecord | undefined> {
    const raw = await this.connections.client.hget(this.key(queue), id);
    return raw ? (JSON.parse(raw) as ScheduleRecord) : undefined;
  }

  async put(queue: string, id: string, record: ScheduleRecord): Promise<void> {
    await this.connections.client
      .multi()
      .hset(this.key(queue), id, JSON.stringify(record))
      .sadd(this.queuesKey, queue)
      .exec();
  }

  /** Saves a new record; false when another process saved one first. */
  async create(queue: string, id: string, record: ScheduleRecord): Promise<boolean> {
    const [[, created] = []] =
      (await this.connections.client
        .multi()
        .hsetnx(this.key(queue), id, JSON.stringify(record))
        .sadd(this.queuesKey, queue)
        .exec()) ?? [];
    return created === 1;
  }

  /** Removes a record; false when there was none. */
  async remove(queue: string, id: string): Promise<boolean> {
    const removed = await this.connections.client.hdel(this.key(queue), id);
    if ((await this.connections.client.hlen(this.key(queue))) === 0) {
      await this.connections.client.srem(this.queuesKey, queue);
    }
    return removed === 1;
  }

  /** Every record of `queue`, by id. */
  async all(queue: string): Promise<Map<string, ScheduleRecord>> {
    const raw = await this.connections.client.hgetall(this.key(queue));
    return new Map(
      Object.entries(raw).map(([id, json]) => [id, JSON.parse(json) as ScheduleRecord]),
    );
  }

  /** The queues that have schedules, sorted. */
  async queues(): Promise<string[]> {
    return (await this.connections.client.smembers(this.queuesKey)).sort();
  }
}
