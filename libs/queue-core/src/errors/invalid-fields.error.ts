import { JobqError } from './jobq.error';

/** One rejected field: its dotted path and what is wrong with it. */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * A document (a policy, a schedule) with fields that are missing, unknown, of the wrong type or
 * out of range; the message names the first problem of each, `details` lists them all.
 */
export class InvalidFieldsError extends JobqError {
  constructor(
    code: string,
    what: string,
    readonly fields: FieldProblem[],
  ) {
    super(
      'invalid',
      code,
      `invalid ${what}: ${fields.map((f) => f.problems[0] ?? `${f.field} is invalid`).join('; ')}`,
      fields,
    );
  }
}
