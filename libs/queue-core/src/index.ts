/**
 * The public surface of `@jobq/queue-core`: what the apps and the other libraries use, by
 * capability. Apps import from here only; tests reach internals through their own paths.
 */

// Set-up: configuration, logging, the global module
export { loadConfig, loadConfigOrExit } from './config/load-config';
export { JobqConfig } from './config/jobq.config';
export type { ClusterNode } from './config/redis-cluster';
export { createLogger } from './logging/create-logger';
export { exitOnBootFailure } from './logging/exit-on-boot-failure';
export { stopWithLauncher } from './process/stop-with-launcher';
export { PinoNestLogger } from './logging/pino-nest.logger';
export { QueueCoreModule } from './queue-core.module';
export type { QueueCoreOptions } from './queue-core.module';
export { LOGGER } from './names/tokens';
export type { ProcessRole } from './names/tokens';
export { JOBQ_VERSION } from './version';

// Errors: the filter of `@jobq/http` maps every JobqError to a status by its kind
export { ApiKeyRequiredError } from './auth/api-key-required.error';
export { ConfigError } from './errors/config.error';
export { JobqError } from './errors/jobq.error';
export type { JobqErrorKind } from './errors/jobq.error';
export { InvalidPayloadError } from './errors/invalid-payload.error';
export { RedisUnavailableError } from './errors/redis-unavailable.error';
export { InvalidFieldsError } from './errors/invalid-fields.error';
export type { FieldProblem } from './errors/invalid-fields.error';
export { InvalidPolicyError } from './errors/invalid-policy.error';
export { JobNotFoundError } from './errors/job-not-found.error';
export { JobStateError } from './errors/job-state.error';
export { PayloadTooLargeError } from './errors/payload-too-large.error';
export { InvalidJobCursorError } from './errors/invalid-job-cursor.error';
export { NoJobError } from './errors/no-job.error';
export { RedisOutOfMemoryError } from './errors/redis-out-of-memory.error';
export { isRedisOutage, redisFailure } from './errors/redis-failure';
export { RoleRequiredError } from './auth/role-required.error';
export { WorkerNotFoundError } from './errors/worker-not-found.error';

// Names, keys and cross-process events
export { assertValidName, NAME_PATTERN } from './names/queue-name';
export { RedisKeys } from './names/redis-keys';
export { CoreEvent } from './names/event-names';

// Validated fields (and their schemas, for API documents)
export { IntField } from './validation/fields';
export type { FieldOptions, IntFieldOptions, NumberUnit } from './validation/fields';
export { declaredFieldSchemas } from './validation/field-schema';
export type { FieldSchema } from './validation/field-schema';

// Roles and the audit trail
export { can, CAPABILITIES, isRole, ROLE_CAPABILITIES, ROLES, rolesThatCan } from './auth/roles';
export type { Capability, Role } from './auth/roles';
export { DASHBOARD_ROLES, parseDashboardUsers } from './auth/parse-dashboard-users';
export type { DashboardRole, DashboardUser } from './auth/parse-dashboard-users';
export { hashPassword, isPasswordHash, verifyPassword } from './auth/password-hash';
export type { PasswordHash } from './auth/password-hash';
export { ApiKey } from './auth/api-key';
export { ApiKeyRing } from './auth/api-key-ring';
export { parseApiKeys, secretDigest } from './auth/parse-api-keys';
export type { RequestRate } from './auth/request-rate';
export { AuditModule } from './audit/audit.module';
export { AUDIT_MAX_ENTRIES, AUDIT_MAX_PAGE, AuditStore } from './audit/audit.store';
export { AUDIT_ACTIONS } from './audit/audit-entry';
export type {
  AuditAction,
  AuditActor,
  AuditEntry,
  AuditPage,
  AuditRecord,
} from './audit/audit-entry';

// Redis
export { RedisConnections } from './redis/redis-connections';
export {
  embeddedRedisRecordPath,
  readEmbeddedRedisRecord,
  writeEmbeddedRedisRecord,
} from './redis/embedded-redis-record';
export type { EmbeddedRedisRecord } from './redis/embedded-redis-record';
export type { RedisClient } from './redis/redis-connections';
export { EVICTION_UNSAFE, RedisCheck } from './redis/redis-check';
export type { RedisStatus } from './redis/redis-check';
export { BroadcastService } from './redis/broadcast.service';

// Policy
export { QueuePolicy } from './policy/queue-policy';
export type { PolicyPatch } from './policy/queue-policy';
export { DEFAULT_POLICY } from './policy/queue-policy';
export { toRetention } from './policy/job-options';

// Queues: registry, policy store, statistics, purge
export { QueueRegistry } from './queues/queue.registry';
export { PolicyStore } from './queues/policy.store';
export type { PolicyListener } from './queues/policy.store';
export { QueuesModule } from './queues/queues.module';
export { QueueStatsService } from './queues/queue-stats.service';
export { QueueAdminService } from './queues/queue-admin.service';
export type { CleanableState } from './queues/queue-admin.service';
export { JOB_STATES, OVERVIEW_MINUTES } from './queues/queue-stats';
export type {
  QueueCounts,
  QueueInfo,
  QueueOverview,
  QueueStatus,
  QueueSummary,
  WaitingJob,
} from './queues/queue-stats';
export { QueueTotalsService } from './queues/queue-totals.service';
export type { QueueTotals } from './queues/queue-totals.service';

// Jobs
export { JobsModule } from './jobs/jobs.module';
export { JobService } from './jobs/job.service';
export { EnqueueOptions, JobOptions } from './jobs/enqueue-options';
export type { EnqueuedJob } from './jobs/enqueued-job';
export type { JobView } from './jobs/job-view';
export { JobListService } from './jobs/job-list.service';
export { DATA_PREVIEW_CHARS, LISTED_STATES, MAX_JOB_PAGE } from './jobs/job-page';
export type { JobPage, JobSummary, ListedState } from './jobs/job-page';

// HTTP pull workers (leases)
export { PullModule } from './pull/pull.module';
export { PullService } from './pull/pull.service';
export type { LeasedJob, LeaseFailure } from './pull/leased-job';

// RPC
export { RpcModule } from './rpc/rpc.module';
export { MAX_RPC_WAIT_S, RpcService } from './rpc/rpc.service';
export type { JobOutcome } from './rpc/job-waiter';

// Schedules
export { SchedulesModule } from './schedules/schedules.module';
export { ScheduleService } from './schedules/schedule.service';
export type { UpsertedSchedule } from './schedules/schedule.service';
export { MIN_EVERY_MS, ScheduledJobOptions, ScheduleSpec } from './schedules/schedule-spec';
export { validateSchedule } from './schedules/schedule-validation';
export { scheduleSettings } from './schedules/schedule-view';
export type { ScheduleView } from './schedules/schedule-view';
export { InvalidScheduleError } from './errors/invalid-schedule.error';
export { ScheduleNotFoundError } from './errors/schedule-not-found.error';

// Worker fleet
export { FleetStore } from './fleet/fleet.store';
export { WorkerActivity } from './fleet/worker-activity';
export type { ActivitySnapshot } from './fleet/worker-activity';
export { WORKER_ID_PATTERN } from './fleet/worker-record';
export type { QueueFleetStats, WorkerBeat, WorkerKind, WorkerRecord } from './fleet/worker-record';

// Message bus
export { BusCoreModule } from './bus/bus-core.module';
export { BusService, MAX_PAGE_SIZE } from './bus/bus.service';
export type { ReadOptions } from './bus/bus.service';
export { BusPollService, CLIENT_ID_PATTERN } from './bus/bus-poll.service';
export type { PollOptions } from './bus/bus-poll.service';
export type { BusStream } from './bus/bus-stream';
export { BusKeys } from './bus/bus-keys';
export { DEFAULT_TOPIC_SETTINGS } from './bus/bus-message';
export type {
  BusMessage,
  BusPage,
  TopicInfo,
  TopicSettings,
  TopicSettingsPatch,
} from './bus/bus-message';
export { AtomFeedBuilder } from './bus/atom/atom-feed.builder';
export type { FeedCollection, FeedLinks } from './bus/atom/atom-feed.builder';
