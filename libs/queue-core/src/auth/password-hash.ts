import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt cost of new hashes: one of OWASP's equivalent minimums (N=2^15, r=8, p=3: 32 MiB). */
const COST = { N: 32_768, r: 8, p: 3 };
const KEY_BYTES = 32;
const HASH =
  /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;

/** A stored password hash: `scrypt$N$r$p$salt$key`, salt and key in base64url (no `:`). */
export type PasswordHash = string;

/** Whether `value` is a hash in the form {@link hashPassword} makes. */
export function isPasswordHash(value: string): boolean {
  return HASH.test(value);
}

/** Hashes `password` with scrypt and a fresh 16-byte salt. */
export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_BYTES, { ...COST, maxmem: maxmem(COST) });
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether `password` matches `hash` (constant-time comparison of the derived keys). */
export async function verifyPassword(password: string, hash: PasswordHash): Promise<boolean> {
  const match = HASH.exec(hash);
  if (!match) return false;
  const cost = { N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const expected = Buffer.from(match[5], 'base64url');
  const key = await scryptAsync(password, Buffer.from(match[4], 'base64url'), expected.length, {
    ...cost,
    maxmem: maxmem(cost),
  });
  return timingSafeEqual(key, expected);
}

function maxmem({ N, r, p }: { N: number; r: number; p: number }): number {
  return 128 * N * r * p + 1024 * 1024 * 32;
}
