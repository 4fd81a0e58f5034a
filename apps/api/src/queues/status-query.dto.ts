import { QueryFlag } from '@jobq/http';

/** Query of `GET /status/:queue`. */
export class StatusQueryDto {
  @QueryFlag('1: list the first 100 waiting jobs too')
  with_desc?: boolean;
}
