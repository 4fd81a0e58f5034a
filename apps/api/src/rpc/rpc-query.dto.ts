import { IntField, JobOptions, MAX_RPC_WAIT_S } from '@jobq/queue-core';

/** Query of `POST /rpc/:queue/:name`: the job options (the name is in the path) and `timeout`. */
export class RpcQuery extends JobOptions {
  @IntField(1, MAX_RPC_WAIT_S, {
    unit: 's',
    optional: true,
    fromString: true,
    example: 5,
    description: `seconds to wait for the result, 1-${MAX_RPC_WAIT_S}; default 5`,
  })
  timeout?: number;
}
