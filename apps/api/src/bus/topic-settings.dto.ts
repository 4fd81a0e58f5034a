import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { TopicSettingsPatch } from '@jobq/queue-core';

/** `PUT /bus/:topic/settings`: the fields to change; null resets one to its default. */
export class TopicSettingsDto implements TopicSettingsPatch {
  @ApiPropertyOptional({ example: 100000, nullable: true, description: 'keep at most N messages' })
  @IsOptional()
  @IsInt({ message: '$property must be an integer from 1 to 1000000000, or null for no limit' })
  @Min(1, { message: '$property must be an integer from 1 to 1000000000, or null for no limit' })
  @Max(1e9, { message: '$property must be an integer from 1 to 1000000000, or null for no limit' })
  max_len?: number | null;

  @ApiPropertyOptional({ example: 86400, nullable: true, description: 'keep messages N seconds' })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number of seconds >= 1, or null to keep forever' })
  @Min(1, { message: '$property must be a whole number of seconds >= 1, or null to keep forever' })
  @Max(1e10, { message: '$property must be at most 10000000000 seconds' })
  max_age_s?: number | null;

  @ApiPropertyOptional({ example: 30, description: 'messages a new poll client gets first' })
  @IsOptional()
  @IsInt({ message: '$property must be an integer from 0 to 1000' })
  @Min(0, { message: '$property must be an integer from 0 to 1000' })
  @Max(1000, { message: '$property must be an integer from 0 to 1000' })
  backlog?: number | null;
}
