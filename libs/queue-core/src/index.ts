/**
 * The public surface of `@jobq/queue-core`. Apps import from here only.
 */
export { loadConfig, loadConfigOrExit } from './config/load-config';
export { JobqConfig } from './config/jobq.config';
export { ConfigError } from './errors/config.error';
export { InvalidNameError } from './errors/invalid-name.error';
export { WorkerNotFoundError } from './errors/worker-not-found.error';
export { JobqError } from './errors/jobq.error';
export { InvalidPolicyError } from './errors/invalid-policy.error';
export { InvalidPayloadError } from './errors/invalid-payload.error';
export { JobExistsError } from './errors/job-exists.error';
export { JobNotFoundError } from './errors/job-not-found.error';
export { JobStateError } from './errors/job-state.error';
export { LeaseGoneError } from './errors/lease-gone.error';
export { NoJobError } from './errors/no-job.error';
export { PayloadTooLargeError } from './errors/payload-too-large.error';
export { QueueClosedError } from './errors/queue-closed.error';
export { RedisUnavailableError } from './errors/redis-unavailable.error';
export { UnsupportedMediaTypeError } from './errors/unsupported-media-type.error';
export type { PolicyFieldProblem } from './errors/invalid-policy.error';
export type { JobqErrorKind } from './errors/jobq.error';
export { BroadcastService } from './events/broadcast.service';
export { CoreEvent } from './events/event-names';
export type { CoreEventName } from './events/event-names';
export { DROP_AFTER_MS, FleetStore, HEARTBEAT_MS } from './fleet/fleet.store';
export { LatencyHistogram } from './fleet/latency-histogram';
export { WorkerActivity } from './fleet/worker-activity';
export type { ActivitySnapshot } from './fleet/worker-activity';
export { WORKER_ID_PATTERN } from './fleet/worker-record';
export type {
  QueueDeltas,
  QueueFleetStats,
  WorkerBeat,
  WorkerKind,
  WorkerRecord,
} from './fleet/worker-record';
export { EnqueueOptions } from './jobs/enqueue-options';
export type { EnqueuedJob } from './jobs/enqueued-job';
export { DEFAULT_JOB_NAME, JobService } from './jobs/job.service';
export type { JobView } from './jobs/job-view';
export { JobsModule } from './jobs/jobs.module';
export type { LeasedJob, LeaseFailure } from './jobs/leased-job';
export { assertPayload } from './jobs/payload';
export type { JobPayload } from './jobs/payload';
export { PullService } from './jobs/pull.service';
export { QueueAdminService } from './jobs/queue-admin.service';
export { QueueCountersStore } from './jobs/queue-counters.store';
export type { QueueCounts, QueueInfo, QueueStatus, WaitingJob } from './jobs/queue-stats';
export { QueueStatsService } from './jobs/queue-stats.service';
export { HealthModule } from './health/health.module';
export { createHttpApp } from './http/create-http-app';
export type { HttpAppOptions } from './http/create-http-app';
export type { ErrorBody } from './http/error-body';
export { JobqExceptionFilter } from './http/jobq-exception.filter';
export { createLogger } from './logging/create-logger';
export { PinoNestLogger } from './logging/pino-nest.logger';
export { BackoffPolicy } from './policy/backoff-policy';
export { toJobOptions } from './policy/job-options';
export { PolicyStore } from './policy/policy.store';
export type { PolicyListener } from './policy/policy.store';
export { DEFAULT_POLICY, QueuePolicy } from './policy/queue-policy';
export type { PolicyPatch } from './policy/queue-policy';
export { RateLimitPolicy } from './policy/rate-limit-policy';
export { RetentionPolicy } from './policy/retention-policy';
export { RetentionRule } from './policy/retention-rule';
export { QueueCoreModule } from './queue-core.module';
export type { QueueCoreOptions } from './queue-core.module';
export { assertValidName, NAME_PATTERN } from './queues/queue-name';
export { QueueRegistry } from './queues/queue.registry';
export { QueueEventsRegistry } from './queues/queue-events.registry';
export { queueTotals } from './queues/queue-totals';
export type { QueueTotals } from './queues/queue-totals';
export { JobWaiter } from './rpc/job-waiter';
export type { JobOutcome } from './rpc/job-waiter';
export { MAX_RPC_WAIT_S, RpcService } from './rpc/rpc.service';
export { RedisKeys } from './queues/redis-keys';
export { EmbeddedRedis, freePort } from './redis/embedded-redis';
export type { EmbeddedRedisOptions } from './redis/embedded-redis';
export { RedisCheck } from './redis/redis-check';
export type { RedisStatus } from './redis/redis-check';
export { DEFAULT_REDIS_URL, RedisConnections } from './redis/redis-connections';
export { LOGGER, PROCESS_ROLE } from './tokens';
export { JOBQ_VERSION } from './version';
export type { ProcessRole } from './tokens';
