import { JobqError } from './jobq.error';

/** No schedule with this id on this queue. */
export class ScheduleNotFoundError extends JobqError {
  constructor(queue: string, id: string) {
    super(
      'not_found',
      'SCHEDULE_NOT_FOUND',
      `schedule ${JSON.stringify(id)} not found on queue ${queue}`,
    );
  }
}
