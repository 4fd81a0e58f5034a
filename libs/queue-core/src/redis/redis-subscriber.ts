import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { RedisClient } from './redis-connections';
import type { Logger } from 'pino';
import { LOGGER } from '../names/tokens';
import { RedisConnections } from './redis-connections';

type Handler = (message: string) => void;

/**
 * The one pub/sub connection of a process, opened on the first {@link subscribe}: cross-process
 * broadcasts and the bus's wake-ups share it. ioredis subscribes again after a reconnect;
 * messages published while the connection was down are lost (pub/sub is best-effort), so
 * {@link onReconnect} tells listeners to re-read what they cache or wait on.
 */
@Injectable()
export class RedisSubscriber implements OnApplicationShutdown {
  private connection?: RedisClient;
  private readonly handlers = new Map<string, Handler>();
  private readonly reconnected = new Set<() => void>();

  constructor(
    private readonly connections: RedisConnections,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Delivers every message on `channel` to `handler` (one handler per channel); resolves once subscribed. */
  subscribe(channel: string, handler: Handler): Promise<unknown> {
    this.handlers.set(channel, handler);
    return this.open().subscribe(channel);
  }

  /** Stops delivering `channel`. */
  async unsubscribe(channel: string): Promise<void> {
    this.handlers.delete(channel);
    await this.connection?.unsubscribe(channel);
  }

  /** Calls `listener` each time the connection is back after a drop. */
  onReconnect(listener: () => void): void {
    this.reconnected.add(listener);
  }

  private open(): RedisClient {
    if (this.connection) return this.connection;
    const connection = this.connections.create('subscriber', true);
    connection.on('message', (channel: string, message: string) => {
      const handler = this.handlers.get(channel);
      try {
        handler?.(message);
      } catch (err) {
        this.logger.error({ err, channel }, 'subscriber handler failed');
      }
    });
    let readyBefore = false;
    connection.on('ready', () => {
      if (readyBefore) for (const listener of this.reconnected) listener();
      readyBefore = true;
    });
    return (this.connection = connection);
  }

  onApplicationShutdown(): void {
    this.handlers.clear();
    this.reconnected.clear();
    this.connection = undefined;
  }
}
