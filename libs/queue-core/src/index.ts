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
export type { PolicyFieldProblem } from './errors/invalid-policy.error';
export type { JobqErrorKind } from './errors/jobq.error';
export { AtomEntryParser, ATOM_NS, MAX_MESSAGE_BYTES } from './bus/atom-entry.parser';
export { AtomFeedBuilder, APP_NS } from './bus/atom-feed.builder';
export type { FeedCollection, FeedLinks } from './bus/atom-feed.builder';
export { BusCoreModule } from './bus/bus-core.module';
export { BusKeys } from './bus/bus-keys';
export { DEFAULT_TOPIC_SETTINGS, JSON_CONTENT_TYPE } from './bus/bus-message';
export type {
  BusMessage,
  BusPage,
  MessageDraft,
  TopicInfo,
  TopicSettings,
  TopicSettingsPatch,
} from './bus/bus-message';
export { BusNotifier } from './bus/bus-notifier';
export { BusPollService, CLIENT_ID_PATTERN } from './bus/bus-poll.service';
export type { PollOptions } from './bus/bus-poll.service';
export { BusStream } from './bus/bus-stream';
export { BusService, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './bus/bus.service';
export type { ReadOptions } from './bus/bus.service';
export { CLIENT_TTL_MS, PollCursorStore } from './bus/poll-cursor.store';
export { InvalidCursorError } from './errors/invalid-cursor.error';
export { MalformedEntryError } from './errors/malformed-entry.error';
export { MessageNotFoundError } from './errors/message-not-found.error';
export { MessageTooLargeError } from './errors/message-too-large.error';
export { TopicNotFoundError } from './errors/topic-not-found.error';
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
export { EnqueueOptions, JobOptions } from './jobs/enqueue-options';
export { IntField, NestedField, OneOfField, TextField } from './validation/fields';
export type { FieldOptions, IntFieldOptions, TextFieldOptions } from './validation/fields';
export { declaredFieldSchemas } from './validation/field-schema';
export type { FieldSchema } from './validation/field-schema';
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
export { OVERVIEW_MINUTES } from './jobs/queue-stats';
export type {
  QueueCounts,
  QueueInfo,
  QueueOverview,
  QueueStatus,
  QueueSummary,
  WaitingJob,
} from './jobs/queue-stats';
export { QueueStatsService } from './jobs/queue-stats.service';
export { createLogger } from './logging/create-logger';
export { exitOnBootFailure } from './logging/exit-on-boot-failure';
export { PinoNestLogger } from './logging/pino-nest.logger';
export { BackoffPolicy } from './policy/backoff-policy';
export { toJobOptions, toRetention } from './policy/job-options';
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
export { RedisCheck } from './redis/redis-check';
export type { RedisStatus } from './redis/redis-check';
export { DEFAULT_REDIS_URL, RedisConnections } from './redis/redis-connections';
export { LOGGER, PROCESS_ROLE } from './tokens';
export { JOBQ_VERSION } from './version';
export type { ProcessRole } from './tokens';
