import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** At most `max` jobs start per `duration_ms`, across every worker (BullMQ global rate limit). */
export class RateLimitPolicy {
  @ApiProperty({ minimum: 1, maximum: 1_000_000, example: 100 })
  @IsInt({ message: '$property must be an integer' })
  @Min(1, { message: '$property must be >= 1' })
  @Max(1_000_000, { message: '$property must be <= 1000000' })
  max!: number;

  @ApiProperty({ minimum: 1, maximum: 86_400_000, example: 1000 })
  @IsInt({ message: '$property must be an integer number of milliseconds' })
  @Min(1, { message: '$property must be >= 1' })
  @Max(86_400_000, { message: '$property must be <= 86400000 (one day)' })
  duration_ms!: number;
}
