import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
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
  @ApiProperty({ enum: ['open', 'stopped'], example: 'open' })
  @IsIn(['open', 'stopped'], { message: '$property must be "open" or "stopped"' })
  state!: 'open' | 'stopped';

  /** Attempts per job, the first one included. @defaultValue `3` */
  @ApiProperty({ minimum: 1, maximum: 1000, example: 3 })
  @IsInt({ message: '$property must be an integer' })
  @Min(1, { message: '$property must be >= 1' })
  @Max(1000, { message: '$property must be <= 1000' })
  attempts!: number;

  /** Delay between attempts. @defaultValue `{type: 'exponential', delay_ms: 1000}` */
  @ApiProperty({ type: () => BackoffPolicy })
  @IsObject({ message: '$property must be an object {type, delay_ms}' })
  @ValidateNested()
  @Type(() => BackoffPolicy)
  backoff!: BackoffPolicy;

  /** Jobs running at once across all workers (BullMQ global concurrency); `null`: no cap. @defaultValue `null` */
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 100_000, example: null })
  @ValidateIf((_o, v) => v !== null)
  @IsInt({ message: '$property must be an integer or null' })
  @Min(1, { message: '$property must be >= 1 (or null for no cap)' })
  @Max(100_000, { message: '$property must be <= 100000' })
  concurrency!: number | null;

  /** Jobs started per period across all workers (BullMQ global rate limit); `null`: none. @defaultValue `null` */
  @ApiProperty({ type: () => RateLimitPolicy, nullable: true, example: null })
  @ValidateIf((_o, v) => v !== null)
  @IsObject({ message: '$property must be an object {max, duration_ms} or null' })
  @ValidateNested()
  @Type(() => RateLimitPolicy)
  rate_limit!: RateLimitPolicy | null;

  /** A running job past this fails with a timeout error; `null`: no limit. @defaultValue `null` */
  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: MS_PER_DAY, example: null })
  @ValidateIf((_o, v) => v !== null)
  @IsInt({ message: '$property must be an integer number of milliseconds or null' })
  @Min(1, { message: '$property must be >= 1 (or null for no limit)' })
  @Max(MS_PER_DAY, { message: '$property must be <= 86400000 (one day)' })
  timeout_ms!: number | null;

  /** How long an HTTP-pulled job stays leased before it goes back to the queue. @defaultValue `30000` */
  @ApiProperty({ minimum: 500, maximum: MS_PER_DAY, example: 30000 })
  @IsInt({ message: '$property must be an integer number of milliseconds' })
  @Min(500, { message: '$property must be >= 500' })
  @Max(MS_PER_DAY, { message: '$property must be <= 86400000 (one day)' })
  lease_ms!: number;

  /** How many finished jobs are kept, and how long. */
  @ApiProperty({ type: () => RetentionPolicy })
  @IsObject({ message: '$property must be an object {completed, failed}' })
  @ValidateNested()
  @Type(() => RetentionPolicy)
  retention!: RetentionPolicy;

  /** Priority of jobs enqueued without one: 0 = none (FIFO), else 1 (highest) … 2097152. @defaultValue `0` */
  @ApiProperty({ minimum: 0, maximum: 2_097_152, example: 0 })
  @IsInt({ message: '$property must be an integer' })
  @Min(0, { message: '$property must be >= 0' })
  @Max(2_097_152, { message: '$property must be <= 2097152' })
  default_priority!: number;

  /** Largest payload accepted, in bytes of JSON (413 beyond). At most the API's 1 MiB body limit. @defaultValue `1048576` */
  @ApiProperty({ minimum: 16, maximum: 1_048_576, example: 1_048_576 })
  @IsInt({ message: '$property must be an integer number of bytes' })
  @Min(16, { message: '$property must be >= 16' })
  @Max(1_048_576, { message: '$property must be <= 1048576 (the API body limit)' })
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
