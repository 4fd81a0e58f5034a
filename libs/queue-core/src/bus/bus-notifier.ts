import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RedisConnections } from '../redis/redis-connections';
import { LOGGER } from '../tokens';
import { BusKeys } from './bus-keys';
import { BusWatch } from './bus-watch';

const SUBSCRIBE_TIMEOUT_MS = 3000;

/**
 * The one bus subscription of a process: a single pub/sub connection on the bus channel wakes
 * every local long-poll, feed `wait` and SSE stream, so a thousand waiting clients cost a
 * thousand timers, not a thousand Redis connections. Publishes and new polls announce
 * themselves on the channel from their Lua scripts (see `BusKeys.channel`).
 *
 * Pub/sub is best-effort: after a reconnect every waiter is woken to re-read Redis.
 */
@Injectable()
export class BusNotifier implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private subscriber?: Redis;
  private closing = false;
  private readonly byTopic = new Map<string, Set<BusWatch>>();
  private readonly byClient = new Map<string, Set<BusWatch>>();

  constructor(
    private readonly connections: RedisConnections,
    private readonly keys: BusKeys,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Subscribes (waiting up to 3 s, so a process still boots while Redis is down). */
  async onModuleInit(): Promise<void> {
    const subscriber = this.connections.create('bus-notify', true);
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, raw: string) => this.dispatch(raw));
    let readyBefore = false;
    subscriber.on('ready', () => {
      if (readyBefore) this.wakeAll('message');
      readyBefore = true;
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), SUBSCRIBE_TIMEOUT_MS);
    });
    await Promise.race([subscriber.subscribe(this.keys.channel), timeout])
      .catch((err: Error) =>
        this.logger.warn({ err: err.message }, 'bus notifier: subscribe failed, will retry'),
      )
      .finally(() => clearTimeout(timer));
  }

  /**
   * Registers a watch on `topic` (and, for a poll client, on being superseded). Always
   * {@link BusWatch.close} it when done.
   */
  watch(topic: string, client?: { id: string; gen: number }): BusWatch {
    const watch = new BusWatch(topic, client, (w) => this.forget(w));
    add(this.byTopic, topic, watch);
    if (client) add(this.byClient, clientKey(topic, client.id), watch);
    if (this.closing) watch.wake('aborted');
    return watch;
  }

  /** How many requests of this process wait on the bus now. */
  get waiting(): number {
    let n = 0;
    for (const set of this.byTopic.values()) n += set.size;
    return n;
  }

  /** Lets every waiting request answer now, so the HTTP server can close. */
  beforeApplicationShutdown(): void {
    this.closing = true;
    this.wakeAll('aborted');
  }

  onApplicationShutdown(): void {
    this.subscriber = undefined;
  }

  private dispatch(raw: string): void {
    const [kind, topic, gen, clientId] = raw.split(' ');
    if (kind === 'm') {
      for (const watch of this.byTopic.get(topic) ?? []) watch.wake('message');
    } else if (kind === 'p') {
      for (const watch of this.byClient.get(clientKey(topic, clientId)) ?? []) {
        if (watch.client && watch.client.gen < Number(gen)) watch.wake('superseded');
      }
    }
  }

  private wakeAll(reason: 'message' | 'aborted'): void {
    for (const set of this.byTopic.values()) for (const watch of set) watch.wake(reason);
  }

  private forget(watch: BusWatch): void {
    remove(this.byTopic, watch.topic, watch);
    if (watch.client) remove(this.byClient, clientKey(watch.topic, watch.client.id), watch);
  }
}

function clientKey(topic: string, clientId: string): string {
  return `${topic} ${clientId}`;
}

function add(map: Map<string, Set<BusWatch>>, key: string, watch: BusWatch): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(watch);
}

function remove(map: Map<string, Set<BusWatch>>, key: string, watch: BusWatch): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(watch);
  if (set.size === 0) map.delete(key);
}
