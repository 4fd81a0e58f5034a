/**
 * The public surface of `@jobq/queue-core`. Apps import from here only.
 */
export { loadConfig, loadConfigOrExit } from './config/load-config';
export { JobqConfig } from './config/jobq.config';
export { ConfigError } from './errors/config.error';
export { InvalidNameError } from './errors/invalid-name.error';
export { JobqError } from './errors/jobq.error';
export type { JobqErrorKind } from './errors/jobq.error';
export { BroadcastService } from './events/broadcast.service';
export { CoreEvent } from './events/event-names';
export type { CoreEventName } from './events/event-names';
export { HealthModule } from './health/health.module';
export { createHttpApp } from './http/create-http-app';
export type { HttpAppOptions } from './http/create-http-app';
export type { ErrorBody } from './http/error-body';
export { JobqExceptionFilter } from './http/jobq-exception.filter';
export { createLogger } from './logging/create-logger';
export { PinoNestLogger } from './logging/pino-nest.logger';
export { QueueCoreModule } from './queue-core.module';
export type { QueueCoreOptions } from './queue-core.module';
export { assertValidName, NAME_PATTERN } from './queues/queue-name';
export { QueueRegistry } from './queues/queue.registry';
export { RedisKeys } from './queues/redis-keys';
export { EmbeddedRedis, freePort } from './redis/embedded-redis';
export type { EmbeddedRedisOptions } from './redis/embedded-redis';
export { RedisCheck } from './redis/redis-check';
export type { RedisStatus } from './redis/redis-check';
export { DEFAULT_REDIS_URL, RedisConnections } from './redis/redis-connections';
export { LOGGER, PROCESS_ROLE } from './tokens';
export type { ProcessRole } from './tokens';
