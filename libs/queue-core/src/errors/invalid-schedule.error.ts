import { FieldProblem, InvalidFieldsError } from './invalid-fields.error';

/** A schedule with a bad field: an unreadable cron expression, an unknown time zone, both or neither of cron and every_ms, … */
export class InvalidScheduleError extends InvalidFieldsError {
  constructor(fields: FieldProblem[]) {
    super('INVALID_SCHEDULE', 'schedule', fields);
  }
}
