import { ApiProperty } from '@nestjs/swagger';
import type { EnqueuedJob } from '@jobq/queue-core';

/** Response of an enqueue (OpenAPI shape of {@link EnqueuedJob}). */
export class EnqueuedJobDto implements EnqueuedJob {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ example: 'demo' }) queue!: string;
  @ApiProperty({ example: 'echo' }) name!: string;
  @ApiProperty({ enum: ['waiting', 'prioritized', 'delayed'] })
  state!: EnqueuedJob['state'];
}
