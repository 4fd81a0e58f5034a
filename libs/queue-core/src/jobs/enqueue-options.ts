import { IntField, TextField } from '../validation/fields';

/**
 * Options of one job given at enqueue (query string of `POST /q/:queue` and `/rpc`, `opts` of a
 * batch item); each one given wins over the queue policy. Not BullMQ's `JobsOptions`: these are
 * what a client may ask for.
 */
export class JobOptions {
  /** presque: do not run before this time, in epoch seconds. */
  @IntField(0, 253_402_300_799, {
    unit: 'epoch-s',
    note: 'the end of year 9999',
    optional: true,
    fromString: true,
    example: 1767225600,
    description: 'not before this epoch second',
  })
  delayed?: number;

  /** Do not run before this many ms from now. */
  @IntField(0, 31_536_000_000, {
    unit: 'ms',
    note: 'one year',
    optional: true,
    fromString: true,
    example: 5000,
    description: 'not before this many ms from now',
  })
  delay?: number;

  /** 1 (highest) … 2097152; 0: none (FIFO). */
  @IntField(0, 2_097_152, {
    optional: true,
    fromString: true,
    example: 1,
    description: '1 (highest) … 2097152; 0 = none',
  })
  priority?: number;

  /** Attempts, the first included. */
  @IntField(1, 1000, { optional: true, fromString: true, example: 5 })
  attempts?: number;

  /** Deduplication key: while a job with this key is unfinished, another is refused (409). */
  @TextField({
    length: [1, 256],
    printable: true,
    optional: true,
    example: 'user-42-welcome',
    description: 'refuse a duplicate (409) while unfinished',
  })
  uniq?: string;
}

/** {@link JobOptions} with the job (handler) name. */
export class EnqueueOptions extends JobOptions {
  /** Job (handler) name. @defaultValue `default` */
  @TextField({
    optional: true,
    example: 'echo',
    description: 'job (handler) name; default "default"',
  })
  name?: string;
}
