import { IntField, NestedField, OneOfField } from '../validation/fields';
import { BackoffPolicy } from './backoff-policy';
import { deepFreeze } from './deep-freeze';
import { RateLimitPolicy } from './rate-limit-policy';
import { RetentionPolicy } from './retention-policy';

const MS_PER_DAY = 86_400_000;

/**
 * A queue's policy (SPEC §3): stored in Redis (one HASH field per queue, JSON), editable by the
 * API and the dashboard, applied to every process within a second, without restart.
 * Field names are snake_case as on the wire. Persisted — never rename a field.
 */
export class QueuePolicy {
  /** `stopped`: nothing is handed to any worker (BullMQ pause); enqueue still works. @defaultValue `open` */
  @OneOfField(['open', 'stopped'], { example: 'open' })
  state!: 'open' | 'stopped';

  /** Attempts per job, the first one included. @defaultValue `3` */
  @IntField(1, 1000, { example: 3 })
  attempts!: number;

  /** Delay between attempts. @defaultValue `{type: 'exponential', delay_ms: 1000}` */
  @NestedField(() => BackoffPolicy, '{type, delay_ms}')
  backoff!: BackoffPolicy;

  /** Jobs running at once across all workers (BullMQ global concurrency); `null`: no cap. @defaultValue `null` */
  @IntField(1, 100_000, { nullable: 'no cap', example: null })
  concurrency!: number | null;

  /** Jobs started per period across all workers (BullMQ global rate limit); `null`: none. @defaultValue `null` */
  @NestedField(() => RateLimitPolicy, '{max, duration_ms}', { nullable: 'none', example: null })
  rate_limit!: RateLimitPolicy | null;

  /** A running job past this fails with a timeout error; `null`: no limit. @defaultValue `null` */
  @IntField(1, MS_PER_DAY, { unit: 'ms', nullable: 'no limit', note: 'one day', example: null })
  timeout_ms!: number | null;

  /** How long an HTTP-pulled job stays leased before it goes back to the queue. @defaultValue `30000` */
  @IntField(500, MS_PER_DAY, { unit: 'ms', note: 'one day', example: 30000 })
  lease_ms!: number;

  /** How many finished jobs are kept, and how long. */
  @NestedField(() => RetentionPolicy, '{completed, failed}')
  retention!: RetentionPolicy;

  /** Priority of jobs enqueued without one: 0 = none (FIFO), else 1 (highest) … 2097152. @defaultValue `0` */
  @IntField(0, 2_097_152, { example: 0 })
  default_priority!: number;

  /** Largest payload accepted, in bytes of JSON (413 beyond). At most the API's 1 MiB body limit. @defaultValue `1048576` */
  @IntField(16, 1_048_576, { unit: 'bytes', note: 'the API body limit', example: 1_048_576 })
  max_payload_bytes!: number;
}

type DeepPartial<T> = T extends object ? { [P in keyof T]?: DeepPartial<T[P]> } : T;

/** What a policy update carries: any subset of fields, nested ones too; left-out fields keep their value. */
export type PolicyPatch = { [K in keyof QueuePolicy]?: DeepPartial<QueuePolicy[K]> };

/** The policy of a queue that has none stored. Frozen: copy before changing. */
export const DEFAULT_POLICY: Readonly<QueuePolicy> = deepFreeze<QueuePolicy>({
  state: 'open',
  attempts: 3,
  backoff: { type: 'exponential', delay_ms: 1000 },
  concurrency: null,
  rate_limit: null,
  timeout_ms: null,
  lease_ms: 30_000,
  retention: {
    completed: { count: 1000, age_s: 86_400 },
    failed: { count: 10_000, age_s: 7 * 86_400 },
  },
  default_priority: 0,
  max_payload_bytes: 1_048_576,
});
