import { IntField } from '@jobq/queue-core';

/** Query of `GET /q/:queue`. */
export class PullQueryDto {
  @IntField(0, 20, {
    unit: 's',
    fraction: true,
    note: 'seconds',
    optional: true,
    fromString: true,
    description: 'long-poll up to this many seconds',
  })
  wait?: number;
}
