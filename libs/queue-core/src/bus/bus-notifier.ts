import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RedisConnections } from '../redis/redis-connections';
import { LOGGER } from '../names/tokens';
import { BusKeys } from './bus-keys';
import { BusWatch } from './bus-watch';

const SUBSCRIBE_TIMEOUT_MS = 3000;
/** How long a topic's channel stays subscribed after its last waiter left (re-polls reuse it). */
const LINGER_MS = 30_000;

/**
 * The bus subscription of a process: one pub/sub connection, subscribed to the wake-up channel
 * of each topic that has a waiting long-poll, feed `wait` or SSE stream here (see
 * `BusKeys.notify`). A thousand waiting clients cost a thousand timers, not a thousand Redis
 * connections, and a publish to a topic nobody waits on wakes no process at all. A topic's
 * channel is left {@link LINGER_MS} after its last waiter, so clients that poll again and again
 * do not subscribe each time.
 *
 * Pub/sub is best-effort: after a reconnect (ioredis subscribes again) every waiter is woken to
 * re-read Redis.
 */
@Injectable()
export class BusNotifier implements BeforeApplicationShutdown, OnApplicationShutdown {
  private subscriber?: Redis;
  private closing = false;
  private readonly byTopic = new Map<string, Set<BusWatch>>();
  private readonly byClient = new Map<string, Set<BusWatch>>();
  /** Subscribed (or subscribing) topics by channel, with the subscription's settling. */
  private readonly channels = new Map<string, { topic: string; subscribed: Promise<void> }>();
  private readonly lingering = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connections: RedisConnections,
    private readonly keys: BusKeys,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Registers a watch on `topic` (and, for a poll client, on being superseded), once this process
   * hears the topic's wake-ups: read Redis after this resolves and no publish is missed. Always
   * {@link BusWatch.close} it when done.
   */
  async watch(topic: string, client?: { id: string; gen: number }): Promise<BusWatch> {
    const watch = new BusWatch(topic, client, (w) => this.forget(w));
    add(this.byTopic, topic, watch);
    if (client) add(this.byClient, clientKey(topic, client.id), watch);
    if (this.closing) watch.wake('aborted');
    else await this.listen(topic);
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
    for (const timer of this.lingering.values()) clearTimeout(timer);
    this.lingering.clear();
    this.channels.clear();
    this.subscriber = undefined;
  }

  /** Subscribes to the topic's channel unless already, waiting up to 3 s (then best-effort). */
  private listen(topic: string): Promise<void> {
    const channel = this.keys.notify(topic);
    clearTimeout(this.lingering.get(channel));
    this.lingering.delete(channel);
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { topic, subscribed: this.subscribe(channel) };
      this.channels.set(channel, entry);
    }
    return entry.subscribed;
  }

  private async subscribe(channel: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), SUBSCRIBE_TIMEOUT_MS);
    });
    await Promise.race([this.connection().subscribe(channel), timeout])
      .catch((err: Error) =>
        this.logger.warn(
          { err: err.message, channel },
          'bus notifier: subscribe failed, will retry',
        ),
      )
      .finally(() => clearTimeout(timer));
  }

  private connection(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = this.connections.create('bus-notify', true);
    subscriber.on('message', (channel: string, raw: string) => this.dispatch(channel, raw));
    let readyBefore = false;
    subscriber.on('ready', () => {
      if (readyBefore) this.wakeAll('message');
      readyBefore = true;
    });
    return (this.subscriber = subscriber);
  }

  private dispatch(channel: string, raw: string): void {
    const topic = this.channels.get(channel)?.topic;
    if (topic === undefined) return;
    if (raw === 'm') {
      for (const watch of this.byTopic.get(topic) ?? []) watch.wake('message');
      return;
    }
    const [kind, gen, clientId] = raw.split(' ');
    if (kind !== 'p') return;
    for (const watch of this.byClient.get(clientKey(topic, clientId)) ?? []) {
      if (watch.client && watch.client.gen < Number(gen)) watch.wake('superseded');
    }
  }

  private wakeAll(reason: 'message' | 'aborted'): void {
    for (const set of this.byTopic.values()) for (const watch of set) watch.wake(reason);
  }

  private forget(watch: BusWatch): void {
    remove(this.byTopic, watch.topic, watch);
    if (watch.client) remove(this.byClient, clientKey(watch.topic, watch.client.id), watch);
    if (!this.byTopic.has(watch.topic) && !this.closing) this.linger(watch.topic);
  }

  /** Leaves the topic's channel after {@link LINGER_MS}, unless a waiter comes back first. */
  private linger(topic: string): void {
    const channel = this.keys.notify(topic);
    if (!this.channels.has(channel) || this.lingering.has(channel)) return;
    const timer = setTimeout(() => {
      this.lingering.delete(channel);
      this.channels.delete(channel);
      this.subscriber
        ?.unsubscribe(channel)
        .catch((err: Error) =>
          this.logger.warn({ err: err.message, channel }, 'bus notifier: unsubscribe failed'),
        );
    }, LINGER_MS);
    timer.unref();
    this.lingering.set(channel, timer);
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
