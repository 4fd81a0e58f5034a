import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_RPC_WAIT_S } from '@jobq/queue-core';

/** `?wait=<s>`: wait for the job to finish, up to 60 s. */
export class WaitQuery {
  @ApiPropertyOptional({
    example: 10,
    description: `seconds to wait for a final state, 0-${MAX_RPC_WAIT_S}`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'wait must be a whole number of seconds' })
  @Min(0, { message: 'wait must be >= 0' })
  @Max(MAX_RPC_WAIT_S, { message: `wait must be <= ${MAX_RPC_WAIT_S} seconds` })
  wait?: number;
}
