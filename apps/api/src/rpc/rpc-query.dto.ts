import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { EnqueueOptions, MAX_RPC_WAIT_S } from '@jobq/queue-core';

/** Query of `POST /rpc/:queue/:name`: the enqueue options (the name is in the path) and `timeout`. */
export class RpcQuery extends OmitType(EnqueueOptions, ['name'] as const) {
  @ApiPropertyOptional({
    example: 5,
    description: `seconds to wait for the result, 1-${MAX_RPC_WAIT_S}; default 5`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'timeout must be a whole number of seconds' })
  @Min(1, { message: 'timeout must be >= 1 second' })
  @Max(MAX_RPC_WAIT_S, { message: `timeout must be <= ${MAX_RPC_WAIT_S} seconds` })
  timeout?: number;
}
