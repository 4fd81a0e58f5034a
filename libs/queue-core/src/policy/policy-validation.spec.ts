import { InvalidPolicyError } from '../errors/invalid-policy.error';
import { mergePolicy, validatePolicy } from './policy-validation';
import { DEFAULT_POLICY } from './queue-policy';

describe('policy validation', () => {
  it('merges nested fields one by one and lets null replace', () => {
    const merged = mergePolicy(
      { ...DEFAULT_POLICY, rate_limit: { max: 1, duration_ms: 1 } },
      { backoff: { delay_ms: 5 }, rate_limit: null },
    );
    expect(merged).toMatchObject({
      backoff: { type: 'exponential', delay_ms: 5 },
      rate_limit: null,
    });
  });

  it('accepts the defaults and returns a frozen copy', () => {
    const policy = validatePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
    expect(policy).toEqual(DEFAULT_POLICY);
    expect(Object.isFrozen(policy.backoff)).toBe(true);
  });

  it('names every bad field, nested ones by their path', () => {
    const bad = mergePolicy(DEFAULT_POLICY, {
      lease_ms: 10,
      retention: { failed: { age_s: 0 } },
    });
    try {
      validatePolicy(bad);
      throw new Error('expected a failure');
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidPolicyError);
      const fields = (err as InvalidPolicyError).fields.map((f) => f.field);
      expect(fields).toEqual(['lease_ms', 'retention.failed.age_s']);
      expect((err as Error).message).toBe(
        'invalid policy: lease_ms must be >= 500; retention.failed.age_s must be >= 1',
      );
    }
  });

  it('refuses a missing field and an unknown one', () => {
    const { attempts: _attempts, ...missing } = DEFAULT_POLICY;
    expect(() => validatePolicy(missing)).toThrow(/attempts must be an integer/);
    expect(() => validatePolicy({ ...DEFAULT_POLICY, extra: 1 })).toThrow(
      /extra is not a policy field/,
    );
  });
});
