import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import type { FieldProblem } from '../errors/invalid-fields.error';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks `plain` against the field declarations of `type` (unknown fields refused) and returns
 * the instance and every problem, each named by its dotted path; `what` names the document in
 * messages ("extra is not a policy field").
 */
export function checkFields<T extends object>(
  type: new () => T,
  plain: unknown,
  what: string,
): { value: T; problems: FieldProblem[] } {
  if (!isPlainObject(plain)) {
    return {
      value: new type(),
      problems: [{ field: what, problems: [`${what} must be a JSON object`] }],
    };
  }
  const value = plainToInstance(type, plain);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  return { value, problems: flatten(errors, '', what) };
}

function flatten(errors: ValidationError[], parent: string, what: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldProblem[] = error.constraints
      ? [
          {
            field,
            // Decorators run bottom-up: reversed, the type check (topmost) comes first.
            problems: Object.entries(error.constraints)
              .reverse()
              .map(([kind, message]) =>
                kind === 'whitelistValidation'
                  ? `${field} is not a ${what} field`
                  : parent
                    ? `${parent}.${message}`
                    : message,
              ),
          },
        ]
      : [];
    return [...own, ...flatten(error.children ?? [], field, what)];
  });
}
