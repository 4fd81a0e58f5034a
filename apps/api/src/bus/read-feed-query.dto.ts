import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '@jobq/queue-core';
import { FormatQueryDto } from './format-query.dto';

/** Query of a topic read (`GET /bus/:topic`, `GET /feeds/:topic`). */
export class ReadFeedQueryDto extends FormatQueryDto {
  @ApiPropertyOptional({ example: 'urn:uuid:4018425e-f747-11df-b990-b7043ee4d39e' })
  @IsOptional()
  @IsString({ message: '$property must be one message id (urn:uuid:…)' })
  @MaxLength(200, { message: '$property must be a message id (urn:uuid:…)' })
  start_after?: string;

  @ApiPropertyOptional({ example: 'urn:uuid:4018425e-f747-11df-b990-b7043ee4d39e' })
  @IsOptional()
  @IsString({ message: '$property must be one message id (urn:uuid:…)' })
  @MaxLength(200, { message: '$property must be a message id (urn:uuid:…)' })
  start_at?: string;

  @ApiPropertyOptional({ example: 100, description: `1-${MAX_PAGE_SIZE}, default 1000` })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `$property must be an integer from 1 to ${MAX_PAGE_SIZE}` })
  @Min(1, { message: `$property must be an integer from 1 to ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `$property must be an integer from 1 to ${MAX_PAGE_SIZE}` })
  page_size?: number;

  @ApiPropertyOptional({
    example: 30,
    description: 'at the end of the topic, wait up to s seconds',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number of seconds from 0 to 60' })
  @Min(0, { message: '$property must be a whole number of seconds from 0 to 60' })
  @Max(60, { message: '$property must be a whole number of seconds from 0 to 60' })
  wait?: number;
}
