import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryFlag } from '../jobs/query-flag';
import { PullQueryDto } from './pull-query.dto';

/** Query of `GET /qb/:queue`. */
export class BatchPullQueryDto extends PullQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be an integer' })
  @Min(1, { message: '$property must be >= 1' })
  @Max(1000, { message: '$property must be <= 1000' })
  batch_size?: number;

  @QueryFlag('1: answer [{id, name, data, lease}] instead of bare payloads')
  envelope?: boolean;
}
