import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { RedisKeys } from '../names/redis-keys';
import { RedisConnections } from './redis-connections';
import { RedisSubscriber } from './redis-subscriber';
import { LOGGER } from '../names/tokens';
import { CoreEventMessage, CoreEventName } from '../names/event-names';

type Listener = (name: string) => void;

/**
 * Cross-process invalidation over Redis pub/sub, on the process's one {@link RedisSubscriber}
 * connection, subscribed on the first {@link on}. Delivery is best-effort (pub/sub), so every
 * cache that listens also has a way to reload from Redis.
 */
@Injectable()
export class BroadcastService implements OnApplicationShutdown {
  private subscribed = false;
  private readonly listeners = new Map<CoreEventName, Set<Listener>>();

  constructor(
    private readonly connections: RedisConnections,
    private readonly keys: RedisKeys,
    private readonly subscriber: RedisSubscriber,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Tells every process (this one included) that `name` changed. */
  async publish(type: CoreEventName, name: string): Promise<void> {
    const message: CoreEventMessage = { type, name };
    await this.connections.client.publish(this.keys.events, JSON.stringify(message));
  }

  /** Calls `listener` with the queue/topic name whenever `type` is published by any process. */
  on(type: CoreEventName, listener: Listener): void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
    if (this.subscribed) return;
    this.subscribed = true;
    // Not awaited: a process must boot while Redis is down; ioredis subscribes on (re)connect.
    this.subscriber
      .subscribe(this.keys.events, (raw) => this.dispatch(raw))
      .catch((err: Error) => this.logger.warn({ err: err.message }, 'broadcast subscribe failed'));
  }

  private dispatch(raw: string): void {
    let message: CoreEventMessage;
    try {
      message = JSON.parse(raw) as CoreEventMessage;
    } catch {
      this.logger.warn({ raw }, 'ignoring malformed broadcast');
      return;
    }
    for (const listener of this.listeners.get(message.type) ?? []) {
      try {
        listener(message.name);
      } catch (err) {
        this.logger.error({ err, event: message.type }, 'broadcast listener failed');
      }
    }
  }

  onApplicationShutdown(): void {
    this.listeners.clear();
    this.subscribed = false;
  }
}
