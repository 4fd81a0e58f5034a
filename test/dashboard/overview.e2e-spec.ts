import { RunningHttpApp, startApi, startDashboard } from '../helpers/apps';
import { sseEvents, take } from '../helpers/sse-reader';
import { freshName, testConfig } from '../helpers/test-env';
import { call } from '../jobs/http';

describe('dashboard overview', () => {
  let api: RunningHttpApp;
  let dashboard: RunningHttpApp;
  const busy = freshName('busy');
  const stopped = freshName('stopped');

  beforeAll(async () => {
    const config = testConfig();
    [api, dashboard] = await Promise.all([startApi(config), startDashboard(config)]);
    expect(
      (await call('POST', `${api.url}/qb/${busy}`, { jobs: [{ a: 1 }, { a: 2 }] })).status,
    ).toBe(201);
    expect((await call('POST', `${api.url}/q/${busy}?delay=60000`, { later: true })).status).toBe(
      201,
    );
    const policy = { concurrency: 4, rate_limit: { max: 10, duration_ms: 1000 }, state: 'stopped' };
    expect((await call('PUT', `${api.url}/policy/${stopped}`, policy)).status).toBe(200);
  });
  afterAll(() => Promise.all([api.close(), dashboard.close()]));

  it('lists every queue with state, counts, workers and policy as JSON', async () => {
    const { status, body } = await call('GET', `${dashboard.url}/api/overview`);
    expect(status).toBe(200);
    expect(body.queues.map((q: { queue: string }) => q.queue)).toEqual([busy, stopped].sort());
    const row = body.queues.find((q: { queue: string }) => q.queue === busy);
    expect(row).toMatchObject({ state: 'open', size: 3, workers: 0, processed: 0, failed: 0 });
    expect(row.counts).toMatchObject({ waiting: 2, delayed: 1, active: 0, failed: 0 });
    expect(body.queues.find((q: { queue: string }) => q.queue === stopped)).toMatchObject({
      state: 'stopped',
      size: 0,
      policy: { concurrency: 4, rate_limit: { max: 10, duration_ms: 1000 } },
    });
    expect(body.workers).toBe(0);
    expect(Date.parse(body.generated_at)).not.toBeNaN();
  });

  it('renders the page with one row per queue', async () => {
    const res = await fetch(`${dashboard.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await res.text();
    expect(page).toContain(
      '2 queues · 2 waiting · 0 active · 1 delayed · 0 failed · 0 completed this minute · 0 live workers',
    );
    const row = page.slice(page.indexOf(`<tr data-queue="${stopped}"`));
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(
      /badge badge-stopped[\s\S]*3 attempts · exponential 1000 ms · concurrency 4 · 10 per 1000 ms/,
    );
    expect(page).toContain(`href="/queues/${busy}"`);
  });

  it('pushes fresh rows to open pages as jobs arrive', async () => {
    const controller = new AbortController();
    const res = await fetch(`${dashboard.url}/live/overview`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = sseEvents(res);
    try {
      const [totals, rows] = await take(events, 2);
      expect(totals.event).toBe('totals');
      expect(totals.data).toContain('2 waiting');
      expect(rows.event).toBe('queues');
      expect(rows.data).toContain(`data-queue="${busy}"`);
      expect((await call('POST', `${api.url}/q/${busy}`, { a: 3 })).status).toBe(201);
      for (;;) {
        const [next] = await take(events, 1);
        if (next.event === 'totals' && next.data!.includes('3 waiting')) break;
      }
    } finally {
      controller.abort();
    }
  });
});
