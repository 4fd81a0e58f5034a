import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { SpawnedProcess, spawnApp } from '../helpers/apps';
import { bearer, ONE_KEY_PER_ROLE } from '../helpers/api-keys';
import { freshName, testEnv } from '../helpers/test-env';
import {
  HOSTILE_NAMES,
  HOSTILE_NUMBERS,
  HOSTILE_PATH_PARTS,
  HOSTILE_TEXTS,
  HostileCase,
  hostileAtom,
  hostileBodies,
  Operation,
  pathWith,
  validBody,
} from './hostile-cases';
import { RawAnswer, rawRequest } from './raw-http';

const ADMIN: [string, string] = ['authorization', bearer('admin').authorization];
const NAME_PARAMS = new Set(['name', 'queue_name', 'worker_id', 'client_id', 'queue', 'topic']);
const TEXT_PARAMS = new Set(['title', 'uniq', 'before', 'start_after', 'start_at']);
const GENERIC =
  /^(Bad Request|Not Found|Client Error|Internal Server Error|Unsupported Media Type)$/;

/** Runs `tasks` at most `width` at a time. */
async function inBatches<T>(tasks: (() => Promise<T>)[], width = 12): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += width) {
    results.push(...(await Promise.all(tasks.slice(i, i + width).map((t) => t()))));
  }
  return results;
}

describe('hostile input never gets a 5xx, and harms nothing', () => {
  let api: SpawnedProcess;
  let port: number;
  let redis: Redis;
  const env = testEnv({ API_KEYS: ONE_KEY_PER_ROLE, LOG_LEVEL: 'info' });
  const keepQueue = freshName('keep');
  const keepTopic = freshName('keep');
  const send = (c: HostileCase) => rawRequest(port, c);
  const json = (method: string, path: string, body?: unknown, headers: [string, string][] = []) =>
    send({
      what: path,
      method,
      path,
      headers: [
        ADMIN,
        ...(body === undefined
          ? []
          : ([['content-type', 'application/json']] as [string, string][])),
        ...headers,
      ],
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** The known data as the API answers it, and as Redis stores it. */
  async function snapshot(ids: string[]): Promise<string[]> {
    const answers = await Promise.all([
      ...ids.map((id) => json('GET', `/q/${keepQueue}/jobs/${id}`)),
      json('GET', `/bus/${keepTopic}?page_size=100`),
    ]);
    const keys = (await redis.keys(`${env.QUEUE_PREFIX}:*`))
      .filter((k) => k.includes(keepQueue) || k.includes(keepTopic))
      .sort();
    const dumps = await Promise.all(
      keys.map(async (k) => `${k}=${(await redis.dumpBuffer(k))?.toString('hex')}`),
    );
    return [...answers.map((a) => `${a.status} ${a.body}`), ...dumps];
  }

  let ids: string[];
  let before: string[];
  let operations: Operation[];
  beforeAll(async () => {
    api = spawnApp('api', env);
    const line = await api.waitForLine(/api listening/);
    port = Number(new URL((JSON.parse(line) as { url: string }).url).port);
    redis = new Redis(env.REDIS_URL);
    ids = [];
    for (const payload of [
      { n: 1 },
      { text: 'zürich ☃ 🐙' },
      { nested: { list: [1, 2, { deep: true }] } },
    ]) {
      ids.push(JSON.parse((await json('POST', `/q/${keepQueue}`, payload)).body).id);
    }
    await json('POST', `/bus/${keepTopic}`, { hello: 'world' });
    await send({
      what: 'atom',
      method: 'POST',
      path: `/bus/${keepTopic}`,
      headers: [ADMIN, ['content-type', 'application/atom+xml']],
      body: '<entry xmlns="http://www.w3.org/2005/Atom"><title>kept</title><content type="text">ünïcode</content></entry>',
    });
    before = await snapshot(ids);
    const doc = JSON.parse((await json('GET', '/docs/json')).body) as {
      paths: Record<
        string,
        Record<string, { parameters?: Operation['params']; requestBody?: unknown }>
      >;
    };
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        hasBody: op.requestBody !== undefined || ['post', 'put'].includes(method),
      })),
    );
  }, 60_000);
  afterAll(async () => {
    redis?.disconnect();
    await api?.stop();
  });

  const fresh = () => `h-${randomUUID().slice(0, 8)}`;

  function cases(): HostileCase[] {
    const all: HostileCase[] = [];
    for (const op of operations) {
      const params = op.params.filter((p) => p.in === 'path');
      for (const param of params) {
        for (const value of HOSTILE_PATH_PARTS) {
          const { headers, body } = validBody(op);
          all.push({
            what: `${op.method} ${op.path} with ${param.name}=${value.slice(0, 40)}`,
            method: op.method,
            path: pathWith(op, fresh, [param.name, value]),
            headers: [ADMIN, ...headers],
            body,
          });
        }
      }
      for (const param of op.params.filter((p) => p.in === 'query')) {
        const base = pathWith(op, fresh);
        const { headers, body } = validBody(op);
        const isNumber = param.schema?.type === 'integer' || param.schema?.type === 'number';
        const values = isNumber
          ? HOSTILE_NUMBERS
          : NAME_PARAMS.has(param.name)
            ? HOSTILE_NAMES
            : TEXT_PARAMS.has(param.name)
              ? HOSTILE_TEXTS
              : [];
        for (const value of values) {
          all.push({
            what: `${op.method} ${op.path}?${param.name}=${value.slice(0, 40)}`,
            method: op.method,
            path: `${base}?${param.name}=${value}`,
            headers: [ADMIN, ...headers],
            body,
          });
        }
        const ok = String(param.schema?.example ?? '1');
        all.push({
          what: `${op.method} ${op.path}?${param.name} repeated`,
          method: op.method,
          path: `${base}?${param.name}=${encodeURIComponent(ok)}&${param.name}=${encodeURIComponent(ok)}`,
          headers: [ADMIN, ...headers],
          body,
        });
      }
      if (op.hasBody) {
        for (const bad of hostileBodies()) {
          all.push({
            what: `${op.method} ${op.path}: ${bad.what}`,
            method: op.method,
            path: pathWith(op, fresh),
            headers: [ADMIN, ...bad.headers],
            body: bad.body,
          });
        }
      }
    }
    for (const path of ['/bus/{topic}', '/feeds/{topic}', '/feed={topic}']) {
      for (const atom of hostileAtom()) {
        all.push({
          what: `POST ${path}: ${atom.what}`,
          method: 'POST',
          path: path.replace('{topic}', fresh()),
          headers: [ADMIN, ['content-type', 'application/atom+xml']],
          body: atom.body,
        });
      }
    }
    return all;
  }

  function expectHelpful(c: HostileCase, answer: RawAnswer): void {
    const shown = `${c.what} → ${answer.status} ${answer.body.slice(0, 300)}`;
    expect(shown).toMatch(/ → 4\d\d /);
    let body: { error?: unknown; code?: unknown } = {};
    try {
      body = JSON.parse(answer.body) as typeof body;
    } catch {
      // not JSON: the expectation below says so
    }
    expect([shown, typeof body.error, typeof body.code]).toEqual([shown, 'string', 'string']);
    expect([shown, GENERIC.test(String(body.error)) || String(body.error).length < 15]).toEqual([
      shown,
      false,
    ]);
  }

  it('answers 4xx with an error that says what to fix, for every route family', async () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(300);
    const answers = await inBatches(all.map((c) => () => send(c)));
    const failures = all.flatMap((c, i) => {
      try {
        expectHelpful(c, answers[i]);
        return [];
      } catch {
        return [`${c.what} → ${answers[i].status} ${answers[i].body.slice(0, 200)}`];
      }
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses oversized and duplicated headers, forged leases and unknown cursors', async () => {
    const queue = fresh();
    await json('POST', `/q/${queue}`, { n: 1 });
    const lease = await send({
      what: 'pull',
      method: 'GET',
      path: `/q/${queue}`,
      headers: [ADMIN],
    });
    const id = lease.headers['x-job-id'];
    const topic = fresh();
    await json('POST', `/bus/${topic}`, { n: 1 });
    const unknown = `urn:uuid:${randomUUID()}`;
    const special: HostileCase[] = [
      {
        what: 'a 20 kB header',
        method: 'GET',
        path: '/j',
        headers: [ADMIN, ['x-padding', 'p'.repeat(20_000)]],
      },
      {
        what: 'headers 40 kB in all',
        method: 'GET',
        path: '/j',
        headers: [
          ADMIN,
          ...Array.from({ length: 400 }, (_, n): [string, string] => [`x-h${n}`, 'v'.repeat(100)]),
        ],
      },
      {
        what: 'two Authorization headers',
        method: 'GET',
        path: '/j',
        headers: [ADMIN, ['authorization', 'Bearer wrong-wrong-wrong-wrong']],
      },
      {
        what: 'two Content-Type headers',
        method: 'POST',
        path: `/q/${fresh()}`,
        headers: [ADMIN, ['content-type', 'application/json'], ['content-type', 'text/plain']],
        body: '{"a":1}',
      },
      {
        what: 'two Content-Length headers',
        method: 'POST',
        path: `/q/${fresh()}`,
        headers: [
          ADMIN,
          ['content-type', 'application/json'],
          ['content-length', '7'],
          ['content-length', '8'],
        ],
        body: '{"a":1}',
      },
      {
        what: 'two X-Job-Id headers',
        method: 'PUT',
        path: `/q/${queue}`,
        headers: [
          ADMIN,
          ['x-job-id', id],
          ['x-job-id', id],
          ['x-lease-token', lease.headers['x-lease-token']],
        ],
      },
      {
        what: 'a forged lease token on complete',
        method: 'POST',
        path: `/q/${queue}/jobs/${id}/complete`,
        headers: [ADMIN, ['content-type', 'application/json']],
        body: '{"token":"forged-token"}',
      },
      {
        what: 'a forged lease token on fail',
        method: 'POST',
        path: `/q/${queue}/jobs/${id}/fail`,
        headers: [ADMIN, ['content-type', 'application/json']],
        body: '{"token":"forged-token","error":"x"}',
      },
      {
        what: 'a forged lease token on re-insert',
        method: 'PUT',
        path: `/q/${queue}`,
        headers: [ADMIN, ['x-job-id', id], ['x-lease-token', 'forged-token']],
      },
      {
        what: 'an unknown start_after',
        method: 'GET',
        path: `/bus/${topic}?start_after=${unknown}`,
        headers: [ADMIN],
      },
      {
        what: 'an unknown start_at',
        method: 'GET',
        path: `/feeds/${topic}?start_at=${unknown}`,
        headers: [ADMIN],
      },
      {
        what: 'an unknown Last-Event-ID',
        method: 'GET',
        path: `/bus/${topic}/stream?client_id=c1`,
        headers: [ADMIN, ['last-event-id', unknown]],
      },
      {
        what: 'an unknown message',
        method: 'GET',
        path: `/bus/${topic}/messages/${encodeURIComponent(unknown)}`,
        headers: [ADMIN],
      },
      {
        what: 'a cursor that is not one',
        method: 'GET',
        path: '/audit?before=not-a-cursor',
        headers: [ADMIN],
      },
      {
        what: 'a cursor beyond any stream id',
        method: 'GET',
        path: '/audit?before=99999999999999999999-99999999999999999999',
        headers: [ADMIN],
      },
    ];
    const answers = await Promise.all(special.map(send));
    special.forEach((c, i) => expectHelpful(c, answers[i]));
  });

  it('is healthy afterwards, with the known jobs and messages intact byte for byte', async () => {
    expect(api.child.exitCode).toBeNull();
    expect((await json('GET', '/health/ready')).status).toBe(200);
    expect(await snapshot(ids)).toEqual(before);
  });
});
