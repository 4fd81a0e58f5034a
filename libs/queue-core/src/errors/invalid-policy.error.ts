import { FieldProblem, InvalidFieldsError } from './invalid-fields.error';

/** A policy update with a field that is missing, of the wrong type or out of range. */
export class InvalidPolicyError extends InvalidFieldsError {
  constructor(fields: FieldProblem[]) {
    super('INVALID_POLICY', 'policy', fields);
  }
}
