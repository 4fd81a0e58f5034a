import { EnqueueOptions } from '@jobq/queue-core';
import { WaitField } from '../rpc/wait-query.dto';

/** Query of `POST /q/:queue`: the enqueue options, and `wait` to answer like `/rpc` (SPEC §5). */
export class EnqueueQuery extends EnqueueOptions {
  @WaitField()
  wait?: number;
}
