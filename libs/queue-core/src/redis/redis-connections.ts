import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Cluster, ClusterOptions, Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { JobqConfig } from '../config/jobq.config';
import { ConfigError } from '../errors/config.error';
import { RedisUnavailableError } from '../errors/redis-unavailable.error';
import { LOGGER, PROCESS_ROLE } from '../names/tokens';
import type { ProcessRole } from '../names/tokens';
import { chooseRedisUrl, RedisUrlChoice } from './redis-url';

/** A connection to Redis: one server, or a Redis Cluster when `REDIS_CLUSTER_NODES` is set. */
export type RedisClient = Redis | Cluster;

/**
 * The one Redis connection factory of a process. Everything jobq keeps in Redis — BullMQ queues,
 * workers and queue events, the queue registry, policies, worker records, the bus, sessions —
 * reaches Redis through it, as one Redis or, with `REDIS_CLUSTER_NODES`, as a cluster client that
 * follows MOVED/ASK redirects and failovers by itself.
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
  private shared?: RedisClient;
  private readonly opened = new Set<RedisClient>();
  private choice?: RedisUrlChoice;
  /** Connections that dropped and are not back yet; non-empty means an outage. */
  private readonly down = new Set<RedisClient>();
  private downSince?: number;

  constructor(
    private readonly config: JobqConfig,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Says which Redis it uses where neither `REDIS_URL` nor `REDIS_CLUSTER_NODES` is set, then
   * connects the shared connection, waiting up to 3 s: a process still boots while Redis is down
   * (the outage is logged, readiness says so) and connects when it comes back.
   * @throws ConfigError when `REDIS_URL` names a node of a Redis Cluster.
   */
  async onModuleInit(): Promise<void> {
    if (!this.config.REDIS_CLUSTER_NODES) this.sayWhichRedis();
    const up = await this.ready(3000).then(
      () => true,
      () => false,
    );
    if (up) await this.refuseClusterNode();
  }

  /**
   * What this process connects to, for logs and messages: the URL with any password masked
   * (`redis://:***@host:6379`), or `cluster host:port,…`.
   */
  get url(): string {
    const nodes = this.config.REDIS_CLUSTER_NODES;
    if (nodes) return `cluster ${nodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
    return this.redis.url.replace(/^(rediss?:\/\/[^:@/]*:)[^@/]*@/, '$1***@');
  }

  private get redis(): RedisUrlChoice {
    this.choice ??= chooseRedisUrl(this.config);
    return this.choice;
  }

  /** The shared command connection (lazily opened). Never use it for blocking commands. */
  get client(): RedisClient {
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
  async whenReady(redis: RedisClient, timeoutMs: number): Promise<void> {
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
  create(name: string, blocking = false): RedisClient {
    const nodes = this.config.REDIS_CLUSTER_NODES;
    const redis = nodes
      ? new Cluster(nodes, this.clusterOptions(name, blocking))
      : new Redis(this.redis.url, this.options(name, blocking));
    let lastError: string | undefined;
    redis.on('error', (err: Error) => {
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

  private dropped(redis: RedisClient, connection: string, err: string | undefined): void {
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

  private regained(redis: RedisClient): void {
    if (!this.down.delete(redis) || this.down.size || this.downSince === undefined) return;
    this.logger.info({ redis: this.url, down_ms: Date.now() - this.downSince }, 'redis is back');
    this.downSince = undefined;
  }

  private sayWhichRedis(): void {
    const { url, from, record } = this.redis;
    if (from === 'embedded')
      this.logger.info({ redis: url, record }, 'REDIS_URL unset: using the Redis npm start embeds');
    if (from === 'default')
      this.logger.info(
        { redis: url, record },
        'REDIS_URL unset and npm start has embedded no Redis in DATA_DIR: using the default',
      );
  }

  /** One node of a cluster, spoken to as a lone Redis, answers MOVED for most keys: stop, saying what to set. */
  private async refuseClusterNode(): Promise<void> {
    const redis = this.client;
    if (redis instanceof Cluster) return;
    const info = await redis.info('cluster').catch(() => '');
    if (/^cluster_enabled:1/m.test(info)) {
      throw new ConfigError(
        'REDIS_URL',
        `${this.url} is a Redis Cluster node: set REDIS_CLUSTER_NODES=host:port,… (some of its nodes) and a hash-tagged QUEUE_PREFIX such as {jobq} instead`,
      );
    }
  }

  /** ioredis options for this role; BullMQ `Worker`s want `blocking = true`. */
  private options(name: string, blocking: boolean): RedisOptions {
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
   * The same behaviour for a cluster client. A node that drops is not reconnected to (ioredis's
   * default): its commands go where the refreshed slot map says, the promoted replica after a
   * failover, instead of waiting for a master that may never return.
   */
  private clusterOptions(name: string, blocking: boolean): ClusterOptions {
    const { enableOfflineQueue, enableAutoPipelining, retryStrategy, ...redisOptions } =
      this.options(name, blocking);
    return {
      redisOptions,
      enableOfflineQueue,
      enableAutoPipelining,
      clusterRetryStrategy: retryStrategy,
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
