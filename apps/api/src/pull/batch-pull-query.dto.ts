import { IntField } from '@jobq/queue-core';
import { QueryFlag } from '@jobq/http';
import { PullQueryDto } from './pull-query.dto';

/** Query of `GET /qb/:queue`. */
export class BatchPullQueryDto extends PullQueryDto {
  @IntField(1, 1000, { optional: true, fromString: true, example: 10, description: 'default 10' })
  batch_size?: number;

  @QueryFlag('1: answer [{id, name, data, lease}] instead of bare payloads')
  envelope?: boolean;
}
