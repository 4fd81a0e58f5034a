import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { JobqConfig } from '../config/jobq.config';
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
 */
@Injectable()
export class RedisConnections implements OnModuleInit, OnApplicationShutdown {
  private shared?: Redis;
  private readonly opened = new Set<Redis>();
  private choice?: RedisUrlChoice;

  constructor(
    private readonly config: JobqConfig,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Says which Redis it uses where `REDIS_URL` is unset, then connects the shared connection,
   * waiting up to 3 s: a process still boots while Redis is down (readiness says so) and connects
   * when it comes back.
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
    await this.ready(3000).catch((err: Error) =>
      this.logger.error({ err: err.message }, 'redis not reachable at boot'),
    );
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

  /**
   * Resolves once the shared connection is ready, or rejects after `timeoutMs`; a fail-fast
   * connection refuses commands until then.
   */
  async ready(timeoutMs = 10_000): Promise<void> {
    const redis = this.client;
    if (redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        redis.off('ready', onReady);
        reject(new Error(`redis at ${this.url} not ready after ${timeoutMs} ms`));
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
    redis.on('error', (err) =>
      this.logger.warn({ err: err.message, connection: name }, 'redis connection error'),
    );
    this.opened.add(redis);
    redis.once('end', () => this.opened.delete(redis));
    return redis;
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

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      [...this.opened].map((r) =>
        r.status === 'ready' ? r.quit().catch(() => r.disconnect()) : r.disconnect(),
      ),
    );
    this.opened.clear();
    this.shared = undefined;
  }
}
