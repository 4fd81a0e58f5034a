import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FeedFormat } from './feed-format';

/** `?format=json|atom`: overrides the Accept header. */
export class FormatQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'atom'], description: 'answer as JSON or Atom' })
  @IsOptional()
  @IsIn(['json', 'atom'], { message: '$property must be json or atom' })
  format?: FeedFormat;
}
