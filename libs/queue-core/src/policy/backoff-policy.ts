import { IntField, OneOfField } from '../validation/fields';

/** How long a failed job waits before its next attempt (BullMQ `backoff`). */
export class BackoffPolicy {
  /** `fixed`: always `delay_ms`; `exponential`: `delay_ms * 2^(attempt-1)`. @defaultValue `exponential` */
  @OneOfField(['fixed', 'exponential'], { example: 'exponential' })
  type!: 'fixed' | 'exponential';

  /** Base delay in ms. @defaultValue `1000` */
  @IntField(0, 86_400_000, { unit: 'ms', note: 'one day', example: 1000 })
  delay_ms!: number;
}
