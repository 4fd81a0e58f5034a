import { InvalidNameError } from '../errors/invalid-name.error';

/** The rule for queue, topic and job names (SPEC §2). */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Returns `value` if it is a valid queue/topic/job/schedule name, else throws {@link InvalidNameError}
 * whose message quotes the rule.
 */
export function assertValidName(
  value: unknown,
  what: 'queue' | 'topic' | 'job' | 'schedule' = 'queue',
): string {
  if (typeof value !== 'string' || !NAME_PATTERN.test(value)) {
    throw new InvalidNameError(what, value, NAME_PATTERN.source);
  }
  return value;
}
