import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { StreamQueryDto } from './stream-query.dto';

/** Query of a Tatsumaki long-poll (`GET /bus/:topic/poll`). */
export class PollQueryDto extends StreamQueryDto {
  @ApiPropertyOptional({ example: 55, description: 'seconds to wait for news, 0-120, default 55' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number of seconds from 0 to 120' })
  @Min(0, { message: '$property must be a whole number of seconds from 0 to 120' })
  @Max(120, { message: '$property must be a whole number of seconds from 0 to 120' })
  timeout?: number;
}
