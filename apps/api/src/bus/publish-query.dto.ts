import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Query of a JSON publish (`POST /bus/:topic`). */
export class PublishQueryDto {
  @ApiPropertyOptional({ example: 'order placed', description: 'the message title (Atom <title>)' })
  @IsOptional()
  @IsString({ message: '$property must be a string' })
  @MaxLength(1024, { message: '$property must be at most 1024 characters' })
  @Matches(/^[^\u0000-\u001f\u007f]*$/, {
    message: '$property must not contain control characters',
  })
  title?: string;
}
