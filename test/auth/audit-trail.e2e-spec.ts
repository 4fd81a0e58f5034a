import { RunningHttpApp, startApi } from '../helpers/apps';
import { bearer, ONE_KEY_PER_ROLE } from '../helpers/api-keys';
import { freshName, testConfig } from '../helpers/test-env';
import { call } from '../jobs/http';

describe('the audit trail of API actions', () => {
  let api: RunningHttpApp;
  beforeAll(async () => {
    api = await startApi(testConfig({ API_KEYS: ONE_KEY_PER_ROLE }));
  });
  afterAll(() => api.close());

  const as = bearer;
  const audit = (query = '') => call('GET', `${api.url}/audit${query}`, undefined, as('admin'));

  it('records every admin and operator action: who, what, where, before/after, when, from where', async () => {
    const queue = freshName();
    const topic = freshName('topic');
    const started = Date.now();
    const { body: job } = await call('POST', `${api.url}/q/${queue}`, { n: 1 }, as('producer'));
    await call('POST', `${api.url}/bus/${topic}`, { hello: 1 }, as('producer'));
    const steps = [
      await call('PUT', `${api.url}/policy/${queue}`, { attempts: 7 }, as('admin')),
      await call('POST', `${api.url}/control/${queue}`, { status: 'stop' }, as('operator')),
      await call('POST', `${api.url}/control/${queue}`, { status: 'start' }, as('admin')),
      await call('DELETE', `${api.url}/q/${queue}/jobs/${job.id}`, undefined, as('admin')),
      await call('PUT', `${api.url}/bus/${topic}/settings`, { backlog: 5 }, as('admin')),
      await call('DELETE', `${api.url}/bus/${topic}`, undefined, as('admin')),
      await call('DELETE', `${api.url}/q/${queue}`, undefined, as('admin')),
    ];
    expect(steps.map((s) => s.status)).toEqual([200, 200, 200, 204, 200, 204, 204]);
    const { status, body } = await audit(`?limit=7`);
    expect(status).toBe(200);
    const mine = body.entries.filter((e: { queue?: string; topic?: string }) =>
      [queue, topic].includes(e.queue ?? e.topic ?? ''),
    );
    expect(mine.map((e: { action: string }) => e.action)).toEqual([
      'queue.purge',
      'topic.delete',
      'topic.settings',
      'job.delete',
      'queue.start',
      'queue.stop',
      'policy.update',
    ]);
    const [purge, , settings, remove, , stop, policy] = mine;
    expect(policy).toMatchObject({
      actor: { kind: 'key', name: 'admin', role: 'admin' },
      via: 'api',
      from: '127.0.0.1',
      queue,
      before: { attempts: 3 },
      after: { attempts: 7 },
    });
    expect(stop).toMatchObject({
      actor: { kind: 'key', name: 'operator', role: 'operator' },
      before: { state: 'open' },
      after: { state: 'stopped' },
    });
    expect(remove).toMatchObject({ queue, id: job.id });
    expect(settings).toMatchObject({ topic, before: { backlog: 30 }, after: { backlog: 5 } });
    expect(Date.parse(purge.at)).toBeGreaterThanOrEqual(started - 1000);
    expect(JSON.stringify(body)).not.toMatch(/secret/);
  });

  it('records a retry of a failed job', async () => {
    const queue = freshName();
    await call('PUT', `${api.url}/policy/${queue}`, { attempts: 1 }, as('admin'));
    await call('POST', `${api.url}/q/${queue}`, { n: 1 }, as('producer'));
    const pulled = await fetch(`${api.url}/q/${queue}`, { headers: as('consumer') });
    const id = pulled.headers.get('x-job-id');
    const token = pulled.headers.get('x-lease-token');
    await call(
      'POST',
      `${api.url}/q/${queue}/jobs/${id}/fail`,
      { token, error: 'no' },
      as('consumer'),
    );
    expect(
      (await call('POST', `${api.url}/q/${queue}/jobs/${id}/retry`, undefined, as('operator')))
        .status,
    ).toBe(200);
    const { body } = await audit(`?queue=${queue}&action=job.retry`);
    expect(body.entries).toEqual([
      expect.objectContaining({
        action: 'job.retry',
        queue,
        id,
        actor: expect.objectContaining({ name: 'operator' }),
      }),
    ]);
  });

  it('reads newest first in pages with a cursor, filters, and refuses a bad cursor', async () => {
    const queue = freshName();
    for (let n = 1; n <= 5; n++) {
      await call('PUT', `${api.url}/policy/${queue}`, { attempts: n }, as('admin'));
    }
    const first = await audit(`?queue=${queue}&limit=2`);
    expect(
      first.body.entries.map((e: { after: { attempts: number } }) => e.after.attempts),
    ).toEqual([5, 4]);
    const second = await audit(`?queue=${queue}&limit=2&before=${first.body.next}`);
    expect(
      second.body.entries.map((e: { after: { attempts: number } }) => e.after.attempts),
    ).toEqual([3, 2]);
    const last = await audit(`?queue=${queue}&limit=2&before=${second.body.next}`);
    expect(last.body).toMatchObject({ next: null });
    expect(last.body.entries).toHaveLength(1);
    for (const query of [
      '?before=yesterday',
      '?before=99999999999999999999-0',
      '?limit=0',
      '?action=job.explode',
    ]) {
      const refused = await audit(query);
      expect([query, refused.status]).toEqual([query, 400]);
      expect(refused.body.error).toMatch(/before|limit|action/);
    }
    expect((await call('GET', `${api.url}/audit`, undefined, as('operator'))).status).toBe(403);
  });
});

describe('the audit trail without API keys', () => {
  let api: RunningHttpApp;
  beforeAll(async () => (api = await startApi()));
  afterAll(() => api.close());

  it('names the anonymous local caller', async () => {
    const queue = freshName();
    await call('PUT', `${api.url}/policy/${queue}`, { attempts: 2 });
    const { body } = await call('GET', `${api.url}/audit?queue=${queue}`);
    expect(body.entries[0]).toMatchObject({
      action: 'policy.update',
      actor: { kind: 'anonymous', name: 'anonymous', role: 'admin' },
    });
  });
});
