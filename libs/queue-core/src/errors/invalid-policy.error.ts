import { JobqError } from './jobq.error';

/** One rejected policy field: its dotted path and what is wrong with it. */
export interface PolicyFieldProblem {
  field: string;
  problems: string[];
}

/** A policy update with a field that is missing, of the wrong type or out of range. */
export class InvalidPolicyError extends JobqError {
  constructor(readonly fields: PolicyFieldProblem[]) {
    super(
      'invalid',
      'INVALID_POLICY',
      `invalid policy: ${fields.map((f) => f.problems[0] ?? `${f.field} is invalid`).join('; ')}`,
      fields,
    );
  }
}
