import { ConfigError } from '../errors/config.error';
import { isPasswordHash, PasswordHash } from './password-hash';

/** The roles a dashboard user can hold (SPEC §7). Persisted in configuration — never rename. */
export const DASHBOARD_ROLES = ['admin', 'operator', 'viewer'] as const;

/** A dashboard user's role. */
export type DashboardRole = (typeof DASHBOARD_ROLES)[number];

/** One entry of `DASHBOARD_USERS`. */
export interface DashboardUser {
  name: string;
  hash: PasswordHash;
  role: DashboardRole;
}

const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/**
 * Parses `DASHBOARD_USERS` (`user:scrypt-hash:role,…`). Unset or blank: no users. Any entry that
 * is not of that form stops the boot with a message naming the entry by position and user —
 * never by its hash.
 * @throws ConfigError (`DASHBOARD_USERS`).
 */
export function parseDashboardUsers(raw: string | undefined): DashboardUser[] {
  const entries = (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const users = new Map<string, DashboardUser>();
  entries.forEach((entry, index) => {
    const parts = entry.split(':');
    const name = parts[0] ?? '';
    const where = `entry ${index + 1}${USER_NAME.test(name) ? ` (${name})` : ''}`;
    const fail = (problem: string): never => {
      throw new ConfigError(
        'DASHBOARD_USERS',
        `${where} ${problem}; each entry is user:scrypt-hash:role (README "Dashboard")`,
      );
    };
    if (parts.length !== 3) fail(`has ${parts.length} colon-separated parts, not 3`);
    const [, hash, role] = parts;
    if (!USER_NAME.test(name)) fail('has a user name that is not 1-64 letters, digits or . _ @ -');
    if (!isPasswordHash(hash)) fail('has no scrypt hash of the form npm run hash-password prints');
    if (!(DASHBOARD_ROLES as readonly string[]).includes(role))
      fail(`has role ${JSON.stringify(role)}: use ${DASHBOARD_ROLES.join(', ')}`);
    if (users.has(name)) fail('repeats a user name');
    users.set(name, { name, hash, role: role as DashboardRole });
  });
  return [...users.values()];
}
