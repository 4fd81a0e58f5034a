import { InvalidNameError } from '../errors/invalid-name.error';
import { assertValidName } from './queue-name';

describe('assertValidName', () => {
  it.each(['a', 'Q1', 'emails.v2', 'a_b-c', '9', 'x'.repeat(128)])('accepts %s', (name) => {
    expect(assertValidName(name)).toBe(name);
  });

  it.each(['', '_hidden', '-x', '.x', 'a b', 'a:b', 'a/b', 'x'.repeat(129), 'é'])(
    'rejects %j quoting the rule',
    (name) => {
      expect(() => assertValidName(name)).toThrow(InvalidNameError);
      expect(() => assertValidName(name, 'topic')).toThrow(
        /invalid topic name .* must match \^\[A-Za-z0-9\]/,
      );
    },
  );

  it('rejects non-strings', () => {
    expect(() => assertValidName(42)).toThrow(InvalidNameError);
  });
});
