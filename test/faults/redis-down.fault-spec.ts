import { API_ROUTES, pathOf } from '../helpers/api-routes';
import { waitUntil } from '../helpers/wait-until';
import { call } from '../jobs/http';
import { FaultStack, SpawnedHttpApp } from './fault-stack';
import { SpawnedProcess } from '../helpers/apps';

/** Routes that never touch Redis: liveness and the OpenAPI documents. */
const WITHOUT_REDIS = /^GET \/(health$|docs)/;

const ATOM_ENTRY =
  '<entry xmlns="http://www.w3.org/2005/Atom"><title>t</title><content>c</content></entry>';

/** A well-formed request for each route that takes a body or a required query. */
const REQUESTS: Record<string, { query?: string; body?: unknown }> = {
  'POST /q/:queue': { body: { a: 1 } },
  'POST /qb/:queue': { body: { jobs: [{ a: 1 }] } },
  'PUT /q/:queue': { body: { a: 1 } },
  'POST /q/:queue/jobs/:id/complete': { body: { token: 'a-token' } },
  'POST /q/:queue/jobs/:id/fail': { body: { token: 'a-token', error: 'broke' } },
  'POST /control/:queue': { body: { status: 'stop' } },
  'PUT /policy/:queue': { body: { attempts: 2 } },
  'POST /w/:queue': { body: { worker_id: 'w-1' } },
  'DELETE /w/:queue': { query: '?worker_id=w-1' },
  'POST /rpc/:queue/:name': { body: { a: 1 } },
  'POST /bus/:topic': { body: { a: 1 } },
  'GET /bus/:topic/poll': { query: '?client_id=c-1&timeout=1' },
  'GET /bus/:topic/stream': { query: '?client_id=c-1' },
  'PUT /bus/:topic/settings': { body: { max_len: 100 } },
  'POST /feeds/:topic': { body: ATOM_ENTRY },
  'POST /feed=:topic': { body: ATOM_ENTRY },
  'PUT /schedules/:queue/:id': { body: { name: 'echo', every_ms: 60000, data: {} } },
};

/** Lines at warn level or above that `process` logged after line `from`. */
function warnings(process: SpawnedProcess, from: number): string[] {
  return process.lines.slice(from).filter((line) => /"level":[4-6]0/.test(line));
}

describe('Redis down: 503 at once, everyone waits, everything comes back by itself', () => {
  let stack: FaultStack;
  let api: SpawnedHttpApp;
  let dashboard: SpawnedHttpApp;
  let worker: SpawnedProcess;
  const logged = new Map<SpawnedProcess, number>();
  beforeAll(async () => {
    stack = await FaultStack.start();
    [api, dashboard, worker] = await Promise.all([
      stack.spawnApi(),
      stack.spawnDashboard(),
      stack.spawnWorker(),
    ]);
    for (const process of [api.process, dashboard.process, worker]) {
      logged.set(process, process.lines.length);
    }
    await stack.stopRedis();
  });
  afterAll(() => stack.close());

  it('every API route (readiness too) answers 503 with Retry-After and the error body within 1 s', async () => {
    const wrong: string[] = [];
    for (const route of Object.keys(API_ROUTES).filter((r) => !WITHOUT_REDIS.test(r))) {
      const [method, template] = route.split(' ');
      const { query = '', body } = REQUESTS[route] ?? {};
      const started = Date.now();
      const res = await fetch(`${api.url}${pathOf(template)}${query}`, {
        method,
        body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
        headers:
          body === undefined
            ? {}
            : {
                'content-type':
                  typeof body === 'string' ? 'application/atom+xml' : 'application/json',
              },
        signal: AbortSignal.timeout(5000),
      }).catch((err: unknown) => String(err));
      const tookMs = Date.now() - started;
      if (typeof res === 'string') {
        wrong.push(`${route}: no answer within 5 s (${res})`);
        continue;
      }
      const answer = await res.json().catch(() => ({}));
      const seen = {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        code: answer.code,
        error: typeof answer.error,
      };
      const expected = { status: 503, retryAfter: '2', code: 'REDIS_UNAVAILABLE', error: 'string' };
      if (JSON.stringify(seen) !== JSON.stringify(expected) || tookMs >= 1000) {
        wrong.push(`${route}: ${JSON.stringify(seen)} in ${tookMs} ms`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await call('GET', `${api.url}/health`)).status).toBe(200);
  });

  it('the dashboard answers 503 at once too, and readiness says not ready', async () => {
    for (const path of ['/', '/workers', '/health/ready']) {
      const started = Date.now();
      const res = await fetch(`${dashboard.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 503 });
      expect(Date.now() - started).toBeLessThan(1000);
    }
    expect((await fetch(`${dashboard.url}/health`)).status).toBe(200);
  });

  it('each process logs the outage once, then recovers by itself when Redis is back', async () => {
    // Several reconnect attempts (at most 2 s apart) pass while Redis is down.
    await new Promise((r) => setTimeout(r, 5000));
    for (const [process, from] of logged) {
      expect(warnings(process, from).map((l) => JSON.parse(l).msg)).toEqual([
        expect.stringMatching(/^redis unavailable: /),
      ]);
    }
    await stack.startRedis();
    for (const [process, from] of logged) {
      await waitUntil(
        () => process.lines.slice(from).some((l) => /"msg":"redis is back"/.test(l)),
        'the process to see Redis back',
        { timeoutMs: 15_000 },
      );
    }
    const enqueued = await waitUntil(async () => {
      const res = await call('POST', `${api.url}/q/demo?name=echo`, { after: 'outage' });
      return res.status === 201 ? res : undefined;
    }, 'an enqueue to succeed again');
    const done = await call('GET', `${api.url}/q/demo/jobs/${enqueued.body.id}?wait=15`);
    expect(done.body).toMatchObject({ state: 'completed', data: { after: 'outage' } });
    expect((await fetch(`${api.url}/health/ready`)).status).toBe(200);
    expect((await fetch(`${dashboard.url}/health/ready`)).status).toBe(200);
    expect((await fetch(`${dashboard.url}/`)).status).toBe(200);
    for (const process of logged.keys()) expect(process.child.exitCode).toBeNull();
  });
});
