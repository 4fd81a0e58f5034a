import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** How many finished jobs of one kind BullMQ keeps, and for how long (BullMQ `KeepJobs`). */
export class RetentionRule {
  /** Keep at most this many (0: remove at once). */
  @ApiProperty({ minimum: 0, maximum: 10_000_000, example: 1000 })
  @IsInt({ message: '$property must be an integer' })
  @Min(0, { message: '$property must be >= 0' })
  @Max(10_000_000, { message: '$property must be <= 10000000' })
  count!: number;

  /** Keep none older than this many seconds. */
  @ApiProperty({ minimum: 1, maximum: 31_536_000, example: 86400 })
  @IsInt({ message: '$property must be an integer number of seconds' })
  @Min(1, { message: '$property must be >= 1' })
  @Max(31_536_000, { message: '$property must be <= 31536000 (one year)' })
  age_s!: number;
}
