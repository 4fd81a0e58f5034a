import { ConfigError } from '../errors/config.error';
import { parseDashboardUsers } from './parse-dashboard-users';
import { hashPassword, verifyPassword } from './password-hash';

describe('DASHBOARD_USERS', () => {
  let hash: string;
  beforeAll(async () => (hash = await hashPassword('s3cret')));

  it('parses user:scrypt-hash:role entries; unset or blank is no users', () => {
    expect(parseDashboardUsers(`ann:${hash}:admin, bob:${hash}:viewer`)).toEqual([
      { name: 'ann', hash, role: 'admin' },
      { name: 'bob', hash, role: 'viewer' },
    ]);
    expect(parseDashboardUsers(undefined)).toEqual([]);
    expect(parseDashboardUsers(' , ')).toEqual([]);
  });

  it('refuses a bad entry, naming it but never its hash', () => {
    const cases: [string, RegExp][] = [
      ['ann:plaintext:admin', /entry 1 \(ann\) has no scrypt hash/],
      [`ann:${hash}:producer`, /entry 1 \(ann\) has role "producer": use admin, operator, viewer/],
      [`ann:${hash}`, /has 2 colon-separated parts/],
      [`ann:${hash}:admin,ann:${hash}:viewer`, /entry 2 \(ann\) repeats a user name/],
      [`a b:${hash}:admin`, /entry 1 has a user name/],
    ];
    for (const [raw, message] of cases) {
      let error: unknown;
      try {
        parseDashboardUsers(raw);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain(hash);
    }
  });

  it('checks a password against its hash', async () => {
    await expect(verifyPassword('s3cret', hash)).resolves.toBe(true);
    await expect(verifyPassword('S3cret', hash)).resolves.toBe(false);
    await expect(verifyPassword('s3cret', 'not-a-hash')).resolves.toBe(false);
  });
});
