import { timingSafeEqual } from 'node:crypto';
import type { RequestRate } from './request-rate';
import type { Role } from './roles';

/**
 * One entry of `API_KEYS`: a named key with a role. The secret itself is not kept, only its
 * SHA-256 digest, in a private field that serialization and `util.inspect` do not show, so a
 * logged or printed key never carries it.
 */
export class ApiKey {
  readonly #digest: Buffer;

  /**
   * @param name - how the key appears in the audit trail and in messages.
   * @param digest - SHA-256 of the secret (32 bytes).
   * @param rate - its own request rate: `null` for none, `undefined` for the default (`API_RATE_LIMIT`).
   */
  constructor(
    readonly name: string,
    readonly role: Role,
    digest: Buffer,
    readonly rate?: RequestRate | null,
  ) {
    this.#digest = digest;
  }

  /** Whether `digest` (SHA-256 of a presented secret) is this key's, compared in constant time. */
  matches(digest: Buffer): boolean {
    return digest.length === this.#digest.length && timingSafeEqual(digest, this.#digest);
  }

  /** Whether `other` has the same secret as this key. */
  sameSecretAs(other: ApiKey): boolean {
    return other.matches(this.#digest);
  }

  toJSON(): { name: string; role: Role } {
    return { name: this.name, role: this.role };
  }
}
