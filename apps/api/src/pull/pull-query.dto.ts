import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';

/** Query of `GET /q/:queue`. */
export class PullQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 20,
    description: 'long-poll up to this many seconds',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: '$property must be a number of seconds' })
  @Min(0, { message: '$property must be >= 0' })
  @Max(20, { message: '$property must be <= 20 (seconds)' })
  wait?: number;
}
