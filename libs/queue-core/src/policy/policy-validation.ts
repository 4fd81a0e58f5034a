import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { InvalidPolicyError, PolicyFieldProblem } from '../errors/invalid-policy.error';
import { deepFreeze } from './deep-freeze';
import { PolicyPatch, QueuePolicy } from './queue-policy';

type Plain = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `patch` laid over `base`: nested objects merge field by field, anything else (null included)
 * replaces. The result is not validated.
 */
export function mergePolicy(base: QueuePolicy, patch: PolicyPatch): Plain {
  return merge(base as unknown as Plain, patch as Plain);
}

function merge(base: Plain, patch: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) && isPlainObject(base[key]) ? merge(base[key], value) : value;
  }
  return out;
}

/**
 * Validates a complete policy (class-validator, unknown fields refused) and returns it as a
 * deeply frozen plain object; throws {@link InvalidPolicyError} naming every bad field.
 */
export function validatePolicy(plain: unknown): QueuePolicy {
  if (!isPlainObject(plain)) {
    throw new InvalidPolicyError([{ field: 'policy', problems: ['policy must be a JSON object'] }]);
  }
  const instance = plainToInstance(QueuePolicy, plain);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new InvalidPolicyError(flatten(errors, ''));
  return deepFreeze(JSON.parse(JSON.stringify(plain)) as QueuePolicy);
}

function flatten(errors: ValidationError[], parent: string): PolicyFieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: PolicyFieldProblem[] = error.constraints
      ? [
          {
            field,
            // Decorators run bottom-up: reversed, the type check (topmost) comes first.
            problems: Object.entries(error.constraints)
              .reverse()
              .map(([kind, message]) =>
                kind === 'whitelistValidation'
                  ? `${field} is not a policy field`
                  : parent
                    ? `${parent}.${message}`
                    : message,
              ),
          },
        ]
      : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
