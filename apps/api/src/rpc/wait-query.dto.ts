import { IntField, MAX_RPC_WAIT_S } from '@jobq/queue-core';

/** `?wait=<s>`: wait for the job to finish, up to {@link MAX_RPC_WAIT_S} s. */
export const WaitField = (): PropertyDecorator =>
  IntField(0, MAX_RPC_WAIT_S, {
    unit: 's',
    optional: true,
    fromString: true,
    example: 10,
    description: `seconds to wait for a final state, 0-${MAX_RPC_WAIT_S}`,
  });

/** Query of `GET /q/:queue/jobs/:id`. */
export class WaitQuery {
  @WaitField()
  wait?: number;
}
