import { ROLES, Role } from '@jobq/queue-core';

/** The test secret of the key named after `role` (long enough for `API_KEYS`). */
export function secretOf(role: Role): string {
  return `test-secret-of-${role}-0123456789`;
}

/** `API_KEYS` with one key per role, each named after its role. */
export const ONE_KEY_PER_ROLE = ROLES.map((role) => `${role}:${secretOf(role)}:${role}`).join(',');

/** The Authorization header of the key named after `role`. */
export function bearer(role: Role): Record<string, string> {
  return { authorization: `Bearer ${secretOf(role)}` };
}
