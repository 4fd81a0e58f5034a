import { createHash } from 'node:crypto';
import { ConfigError } from '../errors/config.error';
import { ApiKey } from './api-key';
import { parseRequestRate } from './request-rate';
import { isRole, ROLES } from './roles';

/** Key names: as queue names, at most 64 characters. */
export const API_KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Shortest secret accepted in clear. */
export const MIN_SECRET_LENGTH = 16;

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
const KEY = 'API_KEYS';

/** SHA-256 of a secret, as `API_KEYS` stores it (`sha256:<hex>`) and requests are compared. */
export function secretDigest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * Reads `API_KEYS`: a comma list of `name:secret:role[:rate]`, the secret in clear (at least
 * {@link MIN_SECRET_LENGTH} characters, no `:` or `,`) or as `sha256:<64 hex digits>`, the rate
 * (`100/s`, `off`) overriding `API_RATE_LIMIT` for that key. Names are unique, secrets too.
 * @throws ConfigError naming `API_KEYS` and the entry by its position — never quoting the entry,
 * which holds a secret.
 */
export function parseApiKeys(value: string): ApiKey[] {
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.every((entry) => entry === '')) {
    throw new ConfigError(KEY, 'holds no key: set name:secret:role,… or leave API_KEYS unset');
  }
  const keys: ApiKey[] = [];
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    if (entry === '') throw new ConfigError(KEY, `${where} is empty (two commas in a row?)`);
    const key = parseEntry(entry, where);
    const twin = keys.find((k) => k.name === key.name || k.sameSecretAs(key));
    if (twin) {
      const same = twin.name === key.name ? `the name "${key.name}"` : 'the secret';
      throw new ConfigError(KEY, `${where} has ${same} of entry ${keys.indexOf(twin) + 1}`);
    }
    keys.push(key);
  });
  return keys;
}

function parseEntry(entry: string, where: string): ApiKey {
  const fields = entry.split(':');
  const hashed = fields[1] === 'sha256';
  const secret = hashed ? fields.splice(1, 2).join(':') : (fields.splice(1, 1)[0] ?? '');
  const [name, role, rate, ...rest] = fields;
  if (role === undefined || rest.length > 0) {
    throw new ConfigError(
      KEY,
      `${where} must be name:secret:role or name:secret:role:rate (a secret in clear holds no ':' or ',')`,
    );
  }
  if (!API_KEY_NAME.test(name)) {
    throw new ConfigError(KEY, `${where}: the name must match ${API_KEY_NAME.source}`);
  }
  if (!isRole(role)) {
    throw new ConfigError(KEY, `${where} (${name}): the role must be one of ${ROLES.join(', ')}`);
  }
  return new ApiKey(
    name,
    role,
    digestOf(secret, hashed, `${where} (${name})`),
    keyRate(rate, where),
  );
}

function digestOf(secret: string, hashed: boolean, where: string): Buffer {
  if (hashed) {
    const hex = secret.slice('sha256:'.length);
    if (!SHA256_HEX.test(hex)) {
      throw new ConfigError(KEY, `${where}: a sha256: secret must be 64 hex digits`);
    }
    return Buffer.from(hex, 'hex');
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      KEY,
      `${where}: the secret must be at least ${MIN_SECRET_LENGTH} characters (make one with: openssl rand -hex 32)`,
    );
  }
  return secretDigest(secret);
}

function keyRate(rate: string | undefined, where: string) {
  if (rate === undefined) return undefined;
  if (rate === 'off') return null;
  return parseRequestRate(rate, KEY, `${where} rate`);
}
