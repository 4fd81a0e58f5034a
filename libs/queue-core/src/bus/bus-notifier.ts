import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import type { Logger } from 'pino';
import { RedisSubscriber } from '../redis/redis-subscriber';
import { LOGGER } from '../names/tokens';
import { BusKeys } from './bus-keys';
import { BusWatch } from './bus-watch';

const SUBSCRIBE_TIMEOUT_MS = 3000;
/** How long a topic's channel stays subscribed after its last waiter left (re-polls reuse it). */
const LINGER_MS = 30_000;

/** How a {@link BusNotifier.follow} waits between reads. */
export interface FollowOptions {
  /** For a poll or stream client: its id and poll generation; a newer generation ends the follow. */
  client?: { id: string; gen: number };
  /** Ends the follow. */
  signal?: AbortSignal;
  /** Wait this long in all for something to read, then end (a long-poll, a feed `wait`). */
  waitMs?: number;
  /** Yield an empty batch after this long with nothing new, and go on (a stream's keep-alive). */
  heartbeatMs?: number;
}

/**
 * The bus's wake-ups in a process: on the process's one pub/sub connection
 * ({@link RedisSubscriber}), subscribed to the wake-up channel of each topic that has a waiting
 * long-poll, feed `wait` or SSE stream here (see `BusKeys.notify`). A thousand waiting clients cost a thousand timers, not a thousand Redis
 * connections, and a publish to a topic nobody waits on wakes no process at all. A topic's
 * channel is left {@link LINGER_MS} after its last waiter, so clients that poll again and again
 * do not subscribe each time.
 *
 * Pub/sub is best-effort: after a reconnect (ioredis subscribes again) every waiter is woken to
 * re-read Redis.
 */
@Injectable()
export class BusNotifier implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private closing = false;
  private readonly byTopic = new Map<string, Set<BusWatch>>();
  private readonly byClient = new Map<string, Set<BusWatch>>();
  /** Subscribed (or subscribing) channels, with the subscription's settling. */
  private readonly channels = new Map<string, Promise<void>>();
  private readonly lingering = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly subscriber: RedisSubscriber,
    private readonly keys: BusKeys,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.subscriber.onReconnect(() => this.wakeAll('message'));
  }

  /**
   * The one wait loop of the bus: reads with `read`, yields each non-empty batch, and while a read
   * finds nothing waits for the topic's next wake-up (watching from before the first read, so no
   * publish falls between a read and its wait) and reads again. Ends when `read` answers `null`
   * (the client was superseded in Redis), on `signal`, when a newer poll of the client begins, when
   * the process shuts down, or when `waitMs` has passed; with `heartbeatMs`, an empty batch marks
   * each quiet period.
   */
  async *follow<T>(
    topic: string,
    read: () => Promise<T[] | null>,
    { client, signal, waitMs, heartbeatMs }: FollowOptions,
  ): AsyncGenerator<T[]> {
    const watch = await this.watch(topic, client);
    const deadline = waitMs === undefined ? Infinity : Date.now() + waitMs;
    try {
      while (!signal?.aborted) {
        const batch = await read();
        if (batch === null) return;
        if (batch.length > 0) {
          yield batch;
          continue;
        }
        const reason = await watch.wait(
          Math.min(heartbeatMs ?? Infinity, deadline - Date.now()),
          signal,
        );
        if (reason === 'message') continue;
        if (reason !== 'timeout' || heartbeatMs === undefined || Date.now() >= deadline) return;
        yield [];
      }
    } finally {
      watch.close();
    }
  }

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
  }

  /** Subscribes to the topic's channel unless already, waiting up to 3 s (then best-effort). */
  private listen(topic: string): Promise<void> {
    const channel = this.keys.notify(topic);
    clearTimeout(this.lingering.get(channel));
    this.lingering.delete(channel);
    let subscribed = this.channels.get(channel);
    if (!subscribed) this.channels.set(channel, (subscribed = this.subscribe(channel, topic)));
    return subscribed;
  }

  private async subscribe(channel: string, topic: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), SUBSCRIBE_TIMEOUT_MS);
    });
    await Promise.race([
      this.subscriber.subscribe(channel, (raw) => this.dispatch(topic, raw)),
      timeout,
    ])
      .catch((err: Error) =>
        this.logger.warn(
          { err: err.message, channel },
          'bus notifier: subscribe failed, will retry',
        ),
      )
      .finally(() => clearTimeout(timer));
  }

  private dispatch(topic: string, raw: string): void {
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
        .unsubscribe(channel)
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
