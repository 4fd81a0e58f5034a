import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';

/** How long a failed job waits before its next attempt (BullMQ `backoff`). */
export class BackoffPolicy {
  /** `fixed`: always `delay_ms`; `exponential`: `delay_ms * 2^(attempt-1)`. @defaultValue `exponential` */
  @ApiProperty({ enum: ['fixed', 'exponential'], example: 'exponential' })
  @IsIn(['fixed', 'exponential'], { message: '$property must be "fixed" or "exponential"' })
  type!: 'fixed' | 'exponential';

  /** Base delay in ms. @defaultValue `1000` */
  @ApiProperty({ minimum: 0, maximum: 86_400_000, example: 1000 })
  @IsInt({ message: '$property must be an integer number of milliseconds' })
  @Min(0, { message: '$property must be >= 0' })
  @Max(86_400_000, { message: '$property must be <= 86400000 (one day)' })
  delay_ms!: number;
}
