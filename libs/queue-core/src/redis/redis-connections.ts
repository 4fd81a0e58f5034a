import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { JobqConfig } from '../config/jobq.config';
import { RedisUnavailableError } from '../errors/redis-unavailable.error';
import { LOGGER, PROCESS_ROLE } from '../names/tokens';
import type { ProcessRole } from '../names/tokens';
import { chooseRedisUrl, RedisUrlChoice } from './redis-url';

/**
 * The one Redis connection factory of a process. Everything jobq keeps in Redis — BullMQ queues,
 * the queue registry, policies, worker records, the bus — reaches Redis through it.
 *
 * Request-serving roles (api, dashboard) fail fast while Redis is down (no offline queue, one
 * retry), so an HTTP request gets a 503 instead of hanging; the worker role queues commands and
 * reconnects by itself, as BullMQ workers require (`maxRetriesPerRequest: null`).
 *
 * An outage is logged once per process — when the first connection drops, and again when the
 * last one is back — not once per connection and retry.
 */
@Injectable()
export class RedisConnections implements OnModuleInit, OnApplicationShutdown {
  private shared?: Redis;
  private readonly opened = new Set<Redis>();
  private choice?: RedisUrlChoice;
  /** Connections that dropped and are not back yet; non-empty means an outage. */
  private readonly down = new Set<Redis>();
  private downSince?: number;

  constructor(
    private readonly config: JobqConfig,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Says which Redis it uses where `REDIS_URL` is unset, then connects the shared connection,
   * waiting up to 3 s: a process still boots while Redis is down (the outage is logged, readiness
   * says so) and connects when it comes back.
   */
  async onModuleInit(): Promise<void> {
    const { url, from, record } = this.redis;
    if (from === 'embedded')
      this.logger.info({ redis: url, record }, 'REDIS_URL unset: using the Redis npm start embeds');
    if (from === 'default')
      this.logger.info(
        { redis: url, record },
        'REDIS_URL unset and npm start has embedded no Redis in DATA_DIR: using the default',
      );
    await this.ready(3000).catch(() => undefined);
  }

  /** The URL in use. */
  get url(): string {
    return this.redis.url;
  }

  private get redis(): RedisUrlChoice {
    this.choice ??= chooseRedisUrl(this.config);
    return this.choice;
  }

  /** The shared command connection (lazily opened). Never use it for blocking commands. */
  get client(): Redis {
    this.shared ??= this.create('shared');
    return this.shared;
  }

  /** False from the moment a connection drops until every connection is back. */
  get available(): boolean {
    return this.downSince === undefined;
  }

  /**
   * Resolves once the shared connection is ready. While an outage is known it throws
   * {@link RedisUnavailableError} at once (no request waits for Redis); before the first connect
   * it waits up to `timeoutMs`.
   */
  ready(timeoutMs = 10_000): Promise<void> {
    return this.whenReady(this.client, timeoutMs);
  }

  /** {@link ready} for a connection of its own (from {@link create}). */
  async whenReady(redis: Redis, timeoutMs: number): Promise<void> {
    if (redis.status === 'ready') return;
    if (!this.available) throw new RedisUnavailableError();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        redis.off('ready', onReady);
        reject(new RedisUnavailableError());
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      redis.once('ready', onReady);
    });
  }

  /**
   * Opens a dedicated connection, closed with the application.
   * @param name - shows in `CLIENT LIST` as `jobq:<role>:<name>`.
   * @param blocking - for blocking reads and subscribers: never fails a command for being slow.
   */
  create(name: string, blocking = false): Redis {
    const redis = new Redis(this.url, this.options(name, blocking));
    let lastError: string | undefined;
    redis.on('error', (err) => {
      lastError = err.message;
      this.logger.debug({ err: err.message, connection: name }, 'redis connection error');
    });
    redis.on('reconnecting', () => this.dropped(redis, name, lastError));
    redis.on('ready', () => this.regained(redis));
    this.opened.add(redis);
    redis.once('end', () => {
      this.opened.delete(redis);
      this.down.delete(redis);
      if (!this.down.size) this.downSince = undefined;
    });
    return redis;
  }

  private dropped(redis: Redis, connection: string, err: string | undefined): void {
    this.down.add(redis);
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.logger.error(
      { redis: this.url, connection, err },
      this.role === 'worker'
        ? 'redis unavailable: waiting for it, reconnecting by itself'
        : 'redis unavailable: answering 503 until it is back, reconnecting by itself',
    );
  }

  private regained(redis: Redis): void {
    if (!this.down.delete(redis) || this.down.size || this.downSince === undefined) return;
    this.logger.info({ redis: this.url, down_ms: Date.now() - this.downSince }, 'redis is back');
    this.downSince = undefined;
  }

  /** ioredis options for this role; BullMQ `Worker`s want `blocking = true`. */
  options(name: string, blocking = false): RedisOptions {
    const failFast = !blocking && this.role !== 'worker';
    return {
      connectionName: `jobq:${this.role}:${name}`,
      enableOfflineQueue: !failFast,
      enableAutoPipelining: !blocking,
      maxRetriesPerRequest: failFast ? 1 : null,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    };
  }

  /**
   * Drops every connection at once, without waiting for replies: commands still queued fail with
   * "Connection is closed". For a shutdown that must end while Redis is gone.
   */
  disconnectAll(): void {
    for (const redis of this.opened) {
      redis.disconnect();
      // Between two reconnect attempts ioredis ends a connection (and fails what it queued) only
      // once it is connecting again; without this the queued commands would wait for ever.
      if (redis.status === 'reconnecting') {
        redis.connect().catch(() => undefined);
        redis.disconnect();
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.opened].map((r) =>
        r.status === 'ready' ? r.quit().catch(() => r.disconnect()) : r.disconnect(),
      ),
    );
    this.opened.clear();
    this.down.clear();
    this.shared = undefined;
  }
}
