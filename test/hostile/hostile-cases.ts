import type { RawRequest } from './raw-http';

/** One hostile request and what it is, for the failure message. */
export interface HostileCase extends RawRequest {
  what: string;
}

/** The parts of an OpenAPI operation the cases are made from. */
export interface Operation {
  method: string;
  /** OpenAPI path, `{queue}` style. */
  path: string;
  params: { name: string; in: string; schema?: { type?: string; example?: unknown } }[];
  hasBody: boolean;
}

const NESTED = 100_000;
const TEN_MB = 10 * 1024 * 1024;
const LONG = 'a'.repeat(10_240);

/** Path-part values no route may take: traversal, NUL, encoded slashes, 10 kB, unicode, bad names. */
export const HOSTILE_PATH_PARTS = [
  '..',
  '%2e%2e',
  'a%00b',
  '%00',
  'a%2Fb',
  '%2F',
  '..%2F..%2Fetc%2Fpasswd',
  LONG,
  '%F0%9F%92%A9',
  'caf%C3%A9',
  '-starts-with-dash',
  'has%20space',
];

/** Numbers no numeric query parameter may take. */
export const HOSTILE_NUMBERS = ['-1', 'NaN', '1e400', '12345678901234567890'];

/** Values no name-like query parameter may take. */
export const HOSTILE_NAMES = ['%00', LONG, '%F0%9F%92%A9', 'a%2Fb', 'a%20b'];

/** Values no free-text query parameter may take: control characters, 10 kB. */
export const HOSTILE_TEXTS = ['a%00b', 'a%1Bb', 'line%0Abreak', LONG];

const JSON_TYPE: [string, string] = ['content-type', 'application/json'];

/** Bodies no JSON route may take, each with its content type (or none). */
export function hostileBodies(): {
  what: string;
  headers: [string, string][];
  body: Buffer | string;
}[] {
  return [
    { what: 'text/plain body', headers: [['content-type', 'text/plain']], body: 'hello' },
    { what: 'body without Content-Type', headers: [], body: '{"a":1}' },
    {
      what: 'form-encoded body',
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      body: 'a=1',
    },
    { what: 'malformed JSON', headers: [JSON_TYPE], body: '{"a":' },
    {
      what: 'malformed XML',
      headers: [['content-type', 'application/atom+xml']],
      body: '<entry><title>x</entry>',
    },
    {
      what: `JSON nested ${NESTED} deep`,
      headers: [JSON_TYPE],
      body: '['.repeat(NESTED) + ']'.repeat(NESTED),
    },
    {
      what: 'JSON objects nested deep',
      headers: [JSON_TYPE],
      body: '{"a":'.repeat(NESTED) + '1' + '}'.repeat(NESTED),
    },
    { what: '10 MB body', headers: [JSON_TYPE], body: Buffer.alloc(TEN_MB, 0x20) },
  ];
}

/** Atom entries that try entity expansion, external entities and deep nesting. */
export function hostileAtom(): { what: string; body: string }[] {
  const lol =
    '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">';
  return [
    {
      what: 'entity expansion',
      body: `<?xml version="1.0"?><!DOCTYPE entry [${lol}]><entry xmlns="http://www.w3.org/2005/Atom"><title>&lol3;</title></entry>`,
    },
    {
      what: 'external entity',
      body: '<?xml version="1.0"?><!DOCTYPE entry [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><entry xmlns="http://www.w3.org/2005/Atom"><title>&xxe;</title></entry>',
    },
    {
      what: 'external DTD',
      body: '<?xml version="1.0"?><!DOCTYPE entry SYSTEM "http://127.0.0.1:1/evil.dtd"><entry xmlns="http://www.w3.org/2005/Atom"/>',
    },
    {
      what: 'XML nested 100000 deep',
      body: `<entry xmlns="http://www.w3.org/2005/Atom"><content type="application/xml">${'<a>'.repeat(NESTED)}${'</a>'.repeat(NESTED)}</content></entry>`,
    },
  ];
}

/** `path` with `{param}`s filled from `values` (default: fresh names given by `fill`). */
export function pathWith(
  op: Operation,
  fill: (param: string) => string,
  override?: [string, string],
): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    override && override[0] === name ? override[1] : fill(name),
  );
}

/** A JSON body the route takes, so that a case tests its path or query only. */
export function validBody(op: Operation): { headers: [string, string][]; body?: string } {
  return op.hasBody
    ? { headers: [JSON_TYPE], body: '{"worker_id":"w1","status":"stop","token":"t","error":"e"}' }
    : { headers: [] };
}
