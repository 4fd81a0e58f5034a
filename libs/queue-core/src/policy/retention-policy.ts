import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { RetentionRule } from './retention-rule';

/** Retention of finished jobs (BullMQ `removeOnComplete` / `removeOnFail`). */
export class RetentionPolicy {
  /** @defaultValue `{count: 1000, age_s: 86400}` */
  @ApiProperty({ type: () => RetentionRule })
  @IsObject({ message: '$property must be an object {count, age_s}' })
  @ValidateNested()
  @Type(() => RetentionRule)
  completed!: RetentionRule;

  /** @defaultValue `{count: 10000, age_s: 604800}` */
  @ApiProperty({ type: () => RetentionRule })
  @IsObject({ message: '$property must be an object {count, age_s}' })
  @ValidateNested()
  @Type(() => RetentionRule)
  failed!: RetentionRule;
}
