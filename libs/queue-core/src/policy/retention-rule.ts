import { IntField } from '../validation/fields';

/** How many finished jobs of one kind BullMQ keeps, and for how long (BullMQ `KeepJobs`). */
export class RetentionRule {
  /** Keep at most this many (0: remove at once). */
  @IntField(0, 10_000_000, { example: 1000 })
  count!: number;

  /** Keep none older than this many seconds. */
  @IntField(1, 31_536_000, { unit: 's', note: 'one year', example: 86400 })
  age_s!: number;
}
