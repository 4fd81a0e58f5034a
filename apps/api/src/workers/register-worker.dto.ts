import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { WORKER_ID_PATTERN } from '@jobq/queue-core';

/** Body of `POST /w/:queue` (the id may come in `X-presque-workerid` instead). */
export class RegisterWorkerDto {
  @ApiPropertyOptional({ example: 'mail-worker-1' })
  @IsOptional()
  @IsString()
  @Matches(WORKER_ID_PATTERN, {
    message:
      'worker_id must be 1-128 letters, digits or . _ : @ - (starting with a letter or digit)',
  })
  worker_id?: string;
}
