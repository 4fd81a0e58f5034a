import fastifyRateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ApiKeyRing, RedisConnections, RedisKeys, RequestRate } from '@jobq/queue-core';
import { callerOf } from './caller';
import { RateLimitedError } from './rate-limited.error';

/**
 * Limits each API key to its request rate (its own from `API_KEYS`, else `defaultRate` from
 * `API_RATE_LIMIT`) with `@fastify/rate-limit`, counted in Redis so every api process shares one
 * budget per key: beyond it, 429 with `Retry-After`. Requests without a key (health) and keys with
 * no rate pass untouched. Nothing is installed when no key has a rate. Call after
 * {@link enforceRouteAccess}, so a request is limited only once its key is known.
 */
export async function limitKeyRates(
  app: NestFastifyApplication,
  keys: ApiKeyRing,
  defaultRate: RequestRate | undefined,
): Promise<void> {
  const byName = new Map(keys.keys.map((key) => [key.name, key]));
  const rateOf = (request: FastifyRequest): RequestRate | undefined => {
    const caller = callerOf(request);
    const key = caller?.kind === 'key' ? byName.get(caller.name) : undefined;
    return key && (key.rate === undefined ? defaultRate : (key.rate ?? undefined));
  };
  if (!keys.keys.some((key) => (key.rate === undefined ? defaultRate : key.rate))) return;
  await app.register(fastifyRateLimit, {
    global: true,
    redis: app.get(RedisConnections).client,
    // Counters per key and window. Persisted (briefly) — never rename.
    nameSpace: `${app.get(RedisKeys).key('rate')}:`,
    keyGenerator: (request) => callerOf(request)?.name ?? '',
    allowList: (request) => rateOf(request) === undefined,
    max: (request) => rateOf(request)?.max ?? 0,
    timeWindow: (request) => rateOf(request)?.windowMs ?? 1000,
    errorResponseBuilder: (request, context) =>
      new RateLimitedError(
        callerOf(request)?.name ?? '',
        rateOf(request) as RequestRate,
        Math.max(1, Math.ceil(context.ttl / 1000)),
      ),
  });
}
