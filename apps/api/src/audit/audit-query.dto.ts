import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AUDIT_ACTIONS, AUDIT_MAX_PAGE, IntField, NAME_PATTERN } from '@jobq/queue-core';
import type { AuditAction } from '@jobq/queue-core';

const NAME_RULE = `$property must be a name matching ${NAME_PATTERN.source}`;

/** Query of `GET /audit`: a page of the trail, newest first, optionally of one action, queue or topic. */
export class AuditQueryDto {
  @ApiPropertyOptional({ example: '1767225600000-0', description: 'the next of an earlier page' })
  @IsOptional()
  @IsString({ message: '$property must be the "next" of an earlier page' })
  @MaxLength(64, { message: '$property must be the "next" of an earlier page' })
  before?: string;

  @IntField(1, AUDIT_MAX_PAGE, {
    range: true,
    optional: true,
    fromString: true,
    example: 100,
    description: 'entries per page, default 100',
  })
  limit?: number;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `$property must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  @ApiPropertyOptional({ example: 'emails' })
  @IsOptional()
  @Matches(NAME_PATTERN, { message: NAME_RULE })
  queue?: string;

  @ApiPropertyOptional({ example: 'news' })
  @IsOptional()
  @Matches(NAME_PATTERN, { message: NAME_RULE })
  topic?: string;
}
