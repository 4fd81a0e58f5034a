import { inspect } from 'node:util';
import { ConfigError } from '../errors/config.error';
import { loadConfig } from '../config/load-config';
import { ApiKeyRing } from './api-key-ring';
import { parseApiKeys, secretDigest } from './parse-api-keys';

const SECRET = 'ci-secret-0123456789';
const OTHER = 'ops-secret-abcdefghij';
const hex = (s: string) => secretDigest(s).toString('hex');

describe('parseApiKeys', () => {
  it('reads clear and sha256 secrets, roles and rates', () => {
    const keys = parseApiKeys(`ci:${SECRET}:producer, ops:sha256:${hex(OTHER)}:admin:10/s`);
    expect(keys.map((k) => [k.name, k.role, k.rate])).toEqual([
      ['ci', 'producer', undefined],
      ['ops', 'admin', { max: 10, windowMs: 1000, text: '10/s' }],
    ]);
    const ring = new ApiKeyRing(keys);
    expect(ring.identify(SECRET)?.name).toBe('ci');
    expect(ring.identify(OTHER)?.name).toBe('ops');
    expect(ring.identify(hex(OTHER))).toBeUndefined();
    expect(ring.identify('')).toBeUndefined();
    expect(parseApiKeys(`a:${SECRET}:viewer:off`)[0].rate).toBeNull();
  });

  it('keeps no secret where it could be printed', () => {
    const [key] = parseApiKeys(`ci:${SECRET}:producer`);
    for (const shown of [JSON.stringify(key), inspect(key, { depth: 5, showHidden: true })]) {
      expect(shown).not.toContain(SECRET);
      expect(shown).not.toContain(hex(SECRET));
    }
  });

  it.each([
    ['', /holds no key/],
    [`ci:${SECRET}:producer,,b:${OTHER}:admin`, /entry 2 is empty/],
    [`ci:${SECRET}`, /entry 1 must be name:secret:role/],
    [`ci:${SECRET}:producer:10/s:x`, /entry 1 must be name:secret:role/],
    [`c i:${SECRET}:producer`, /entry 1: the name must match/],
    [`ci:${SECRET}:root`, /entry 1 \(ci\): the role must be one of admin, operator/],
    ['ci:short:producer', /entry 1 \(ci\): the secret must be at least 16 characters/],
    ['ci:sha256:abc:producer', /entry 1 \(ci\): a sha256: secret must be 64 hex digits/],
    [`ci:${SECRET}:producer:fast`, /entry 1 rate: a rate must be/],
    [`ci:${SECRET}:producer,ci:${OTHER}:admin`, /entry 2 has the name "ci" of entry 1/],
    [`ci:${SECRET}:producer,ops:sha256:${hex(SECRET)}:admin`, /entry 2 has the secret of entry 1/],
  ])('refuses %j naming the entry, never its secret', (value, message) => {
    let error: unknown;
    try {
      parseApiKeys(value);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^configuration API_KEYS: /);
    expect((error as Error).message).toMatch(message);
    for (const secret of [SECRET, OTHER, 'short', hex(SECRET)]) {
      expect((error as Error).message).not.toContain(secret);
    }
  });

  it('is what loadConfig gives as API_KEYS, with API_RATE_LIMIT beside it', () => {
    const config = loadConfig({ API_KEYS: `ci:${SECRET}:producer`, API_RATE_LIMIT: '600/min' });
    expect(config.API_KEYS?.map((k) => k.name)).toEqual(['ci']);
    expect(config.API_RATE_LIMIT).toEqual({ max: 600, windowMs: 60_000, text: '600/min' });
    expect(() => loadConfig({ API_KEYS: `ci:${SECRET}` })).toThrow(
      /^configuration API_KEYS: entry 1/,
    );
    expect(() => loadConfig({ API_RATE_LIMIT: '0/s' })).toThrow(/^configuration API_RATE_LIMIT:/);
  });
});
