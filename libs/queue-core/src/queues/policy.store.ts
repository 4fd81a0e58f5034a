import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { BroadcastService } from '../redis/broadcast.service';
import { CoreEvent } from '../names/event-names';
import { assertValidName } from '../names/queue-name';
import { QueueRegistry } from './queue.registry';
import { RedisKeys } from '../names/redis-keys';
import { RedisConnections } from '../redis/redis-connections';
import { LOGGER } from '../names/tokens';
import { mergePolicy, validatePolicy } from '../policy/policy-validation';
import { DEFAULT_POLICY, PolicyPatch, QueuePolicy } from '../policy/queue-policy';
import { isRedisOutage } from '../errors/redis-failure';

/** Called with the queue and its new policy whenever a policy changes (in any process). */
export type PolicyListener = (queue: string, policy: QueuePolicy) => void;

/** Safety net under the pub/sub invalidation: every cached policy is re-read this often. */
const RELOAD_INTERVAL_MS = 5000;

/**
 * Per-queue policies: one Redis HASH (`<prefix>:_jobq:policies`, field = queue, value = JSON)
 * and an in-process cache in front of it, so the enqueue path reads no policy from Redis after
 * the first job of a queue. {@link update} validates, stores, applies the settings BullMQ
 * enforces itself from Redis (pause, global concurrency, global rate limit — so running workers
 * obey without restart) and broadcasts {@link CoreEvent.PolicyChanged} so every process reloads.
 */
@Injectable()
export class PolicyStore implements OnModuleInit, OnApplicationShutdown {
  private readonly cache = new Map<string, QueuePolicy>();
  private readonly stored = new Map<string, string | null>();
  private readonly loading = new Map<string, Promise<QueuePolicy>>();
  private readonly listeners = new Set<PolicyListener>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly connections: RedisConnections,
    private readonly keys: RedisKeys,
    private readonly registry: QueueRegistry,
    private readonly broadcast: BroadcastService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The Redis HASH holding every stored policy. Persisted — never rename. */
  get redisKey(): string {
    return this.keys.key('policies');
  }

  onModuleInit(): void {
    this.broadcast.on(CoreEvent.PolicyChanged, (queue) => void this.reload([queue]));
    this.broadcast.on(CoreEvent.QueueRemoved, (queue) => void this.reload([queue]));
    this.timer = setInterval(() => void this.reload([...this.cache.keys()]), RELOAD_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * The policy of `queue` ({@link DEFAULT_POLICY} when it has none stored). From the cache; the
   * first call per queue and process reads Redis. The result is frozen.
   */
  async get(queue: string): Promise<QueuePolicy> {
    const cached = this.cache.get(queue);
    if (cached) return cached;
    assertValidName(queue);
    let pending = this.loading.get(queue);
    if (!pending) {
      pending = this.read(queue)
        .then((raw) => this.remember(queue, raw, false))
        .finally(() => this.loading.delete(queue));
      this.loading.set(queue, pending);
    }
    return pending;
  }

  /**
   * Changes some fields of `queue`'s policy (nested objects merge field by field; `null` clears
   * `concurrency`, `rate_limit`, `timeout_ms`), registers the queue, applies the change live and
   * returns the whole new policy.
   * @throws InvalidPolicyError naming each field that is wrong.
   */
  async update(queue: string, patch: PolicyPatch): Promise<QueuePolicy> {
    assertValidName(queue);
    const current = this.parse(queue, await this.read(queue));
    const next = validatePolicy(mergePolicy(current, patch));
    const raw = JSON.stringify(next);
    await this.connections.client.hset(this.redisKey, queue, raw);
    await this.registry.register(queue);
    await this.apply(queue, next);
    this.remember(queue, raw, true);
    await this.broadcast.publish(CoreEvent.PolicyChanged, queue);
    return next;
  }

  /** Deletes `queue`'s stored policy (it falls back to the defaults); used when a queue is purged. */
  async remove(queue: string): Promise<void> {
    await this.connections.client.hdel(this.redisKey, queue);
    this.remember(queue, null, true);
    await this.broadcast.publish(CoreEvent.PolicyChanged, queue);
  }

  /** Registers `listener` for every policy change seen by this process (its own and others'). */
  onChange(listener: PolicyListener): void {
    this.listeners.add(listener);
  }

  private async apply(queue: string, policy: QueuePolicy): Promise<void> {
    const bull = this.registry.queue(queue);
    await (policy.state === 'stopped' ? bull.pause() : bull.resume());
    await (policy.concurrency === null
      ? bull.removeGlobalConcurrency()
      : bull.setGlobalConcurrency(policy.concurrency));
    await (policy.rate_limit === null
      ? bull.removeGlobalRateLimit()
      : bull.setGlobalRateLimit(policy.rate_limit.max, policy.rate_limit.duration_ms));
  }

  private read(queue: string): Promise<string | null> {
    return this.connections.client.hget(this.redisKey, queue);
  }

  private async reload(queues: string[]): Promise<void> {
    if (queues.length === 0) return;
    try {
      const raws = await this.connections.client.hmget(this.redisKey, ...queues);
      queues.forEach((queue, i) => this.remember(queue, raws[i] ?? null, true));
    } catch (err) {
      if (!isRedisOutage(err))
        this.logger.warn({ err: (err as Error).message }, 'policy reload failed');
    }
  }

  private remember(queue: string, raw: string | null, notify: boolean): QueuePolicy {
    const cached = this.cache.get(queue);
    if (cached && this.stored.get(queue) === raw) return cached;
    const policy = this.parse(queue, raw);
    this.cache.set(queue, policy);
    this.stored.set(queue, raw);
    if (notify) this.emit(queue, policy);
    return policy;
  }

  /** A stored policy laid over the defaults, so fields added in later versions get their default. */
  private parse(queue: string, raw: string | null): QueuePolicy {
    if (raw === null) return DEFAULT_POLICY;
    try {
      return validatePolicy(mergePolicy(DEFAULT_POLICY, JSON.parse(raw) as PolicyPatch));
    } catch (err) {
      this.logger.error({ err, queue }, 'stored policy is unreadable; using the defaults');
      return DEFAULT_POLICY;
    }
  }

  private emit(queue: string, policy: QueuePolicy): void {
    for (const listener of this.listeners) {
      try {
        listener(queue, policy);
      } catch (err) {
        this.logger.error({ err, queue }, 'policy listener failed');
      }
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.listeners.clear();
  }
}
