import { InvalidPolicyError } from '../errors/invalid-policy.error';
import { checkFields } from '../validation/field-problems';
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
 * Validates a complete policy (unknown fields refused) and returns it as a deeply frozen plain
 * object; throws {@link InvalidPolicyError} naming every bad field.
 */
export function validatePolicy(plain: unknown): QueuePolicy {
  const { problems } = checkFields(QueuePolicy, plain, 'policy');
  if (problems.length > 0) throw new InvalidPolicyError(problems);
  return deepFreeze(JSON.parse(JSON.stringify(plain)) as QueuePolicy);
}
