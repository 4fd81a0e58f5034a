import { NestedField } from '../validation/fields';
import { RetentionRule } from './retention-rule';

/** Retention of finished jobs (BullMQ `removeOnComplete` / `removeOnFail`). */
export class RetentionPolicy {
  /** @defaultValue `{count: 1000, age_s: 86400}` */
  @NestedField(() => RetentionRule, '{count, age_s}')
  completed!: RetentionRule;

  /** @defaultValue `{count: 10000, age_s: 604800}` */
  @NestedField(() => RetentionRule, '{count, age_s}')
  failed!: RetentionRule;
}
