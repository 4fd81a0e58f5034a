import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IntField, MAX_PAGE_SIZE } from '@jobq/queue-core';
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

  @IntField(1, MAX_PAGE_SIZE, {
    range: true,
    optional: true,
    fromString: true,
    example: 100,
    description: 'default 1000',
  })
  page_size?: number;

  @IntField(0, 60, {
    unit: 's',
    range: true,
    optional: true,
    fromString: true,
    example: 30,
    description: 'at the end of the topic, wait up to s seconds',
  })
  wait?: number;
}
