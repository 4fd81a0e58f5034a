import { IntField } from '@jobq/queue-core';
import { StreamQueryDto } from './stream-query.dto';

/** Query of a Tatsumaki long-poll (`GET /bus/:topic/poll`). */
export class PollQueryDto extends StreamQueryDto {
  @IntField(0, 120, {
    unit: 's',
    range: true,
    optional: true,
    fromString: true,
    example: 55,
    description: 'seconds to wait for news, default 55',
  })
  timeout?: number;
}
