import { IntField } from '../validation/fields';

/** At most `max` jobs start per `duration_ms`, across every worker (BullMQ global rate limit). */
export class RateLimitPolicy {
  @IntField(1, 1_000_000, { example: 100 })
  max!: number;

  @IntField(1, 86_400_000, { unit: 'ms', note: 'one day', example: 1000 })
  duration_ms!: number;
}
