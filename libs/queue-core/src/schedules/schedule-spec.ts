import { DateTimeField, IntField, NestedField, ObjectField, TextField } from '../validation/fields';

/** Options of every job a schedule produces; each one given wins over the queue policy. */
export class ScheduledJobOptions {
  /** 1 (highest) … 2097152. */
  @IntField(1, 2_097_152, { optional: true, example: 1 })
  priority?: number;

  /** Attempts, the first included. */
  @IntField(1, 1000, { optional: true, example: 5 })
  attempts?: number;
}

/** Shortest interval of an `every_ms` schedule. */
export const MIN_EVERY_MS = 1000;

/**
 * A schedule as a client gives it (`PUT /schedules/:queue/:id`, `@JobHandler({ schedule })`): a
 * cron expression (in `tz`, UTC by default) or an interval, and the job it produces. Persisted
 * (jobq keeps it to pause and resume) — never rename a field.
 */
export class ScheduleSpec {
  /** A cron expression (5 fields, or 6 with seconds first): `*\/5 * * * *`. */
  @TextField({ optional: true, length: [1, 256], example: '*/5 * * * *' })
  cron?: string;

  /** The IANA time zone the cron expression is read in. @defaultValue `UTC` */
  @TextField({ optional: true, length: [1, 64], example: 'Europe/Paris' })
  tz?: string;

  /** Produce a job every this many ms, instead of by cron. */
  @IntField(MIN_EVERY_MS, 31_536_000_000, {
    unit: 'ms',
    note: 'one year',
    optional: true,
    example: 60000,
  })
  every_ms?: number;

  /** The job (handler) name. @defaultValue `default` */
  @TextField({ optional: true, example: 'report' })
  name?: string;

  /** Every job's payload. @defaultValue `{}` */
  @ObjectField({ optional: true, example: { kind: 'daily' } })
  data?: Record<string, unknown>;

  /** Every job's options. */
  @NestedField(() => ScheduledJobOptions, '{priority, attempts}', { optional: true })
  opts?: ScheduledJobOptions;

  /** Produce nothing before this time. */
  @DateTimeField({ optional: true, example: '2027-01-01T00:00:00Z' })
  start_at?: string;

  /** Produce nothing after this time. */
  @DateTimeField({ optional: true, example: '2027-12-31T23:59:59Z' })
  end_at?: string;

  /** Produce at most this many jobs. */
  @IntField(1, 1_000_000_000, { optional: true, example: 10 })
  limit?: number;
}
