import { AuditStore } from '@jobq/queue-core';
import { RunningHttpApp, startApi, startDashboard } from '../helpers/apps';
import { freshName, testConfig } from '../helpers/test-env';
import { call } from '../jobs/http';
import { DashboardClient, dashboardUsers, USERS } from './dashboard-client';

/** Login, roles, the same-origin check and the audit trail, over plain HTTP (forged requests too). */
describe('dashboard login and roles', () => {
  let api: RunningHttpApp;
  let dashboard: RunningHttpApp;
  const queue = freshName('roles');
  const as: Record<string, DashboardClient> = {};

  beforeAll(async () => {
    const config = testConfig({ DASHBOARD_USERS: await dashboardUsers() });
    [api, dashboard] = await Promise.all([startApi(config), startDashboard(config)]);
    expect((await call('POST', `${api.url}/q/${queue}`, { a: 1 })).status).toBe(201);
    for (const user of USERS) {
      as[user.role] = new DashboardClient(dashboard.url);
      expect((await as[user.role].login(user.name, user.password)).status).toBe(303);
    }
  });
  afterAll(() => Promise.all([api.close(), dashboard.close()]));

  it('sends a visitor without a session to the login, bull-board included', async () => {
    const anonymous = new DashboardClient(dashboard.url);
    for (const path of ['/', '/workers', `/queues/${queue}`, '/board']) {
      const res = await anonymous.send('GET', path);
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
    expect(
      (await anonymous.send('GET', '/board/api/queues', undefined, { accept: '*/*' })).status,
    ).toBe(401);
    expect(
      (await anonymous.send('GET', '/live/overview', undefined, { accept: 'text/event-stream' }))
        .status,
    ).toBe(401);
    expect((await anonymous.send('GET', '/health')).status).toBe(200);
    const login = await anonymous.send('GET', '/login');
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('<form class="login" method="post" action="/login">');
  });

  it('refuses a wrong password, and sets an HttpOnly, SameSite=Strict cookie on a right one', async () => {
    const client = new DashboardClient(dashboard.url);
    const wrong = await client.login('ada', 'not-her-password');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong user name or password.');
    expect((await client.login('nobody', 'x')).status).toBe(401);
    const right = await client.login('ada', USERS[0].password);
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/');
    const cookie = right.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^jobq_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
    expect((await client.send('GET', '/board')).status).toBe(200);
    expect((await client.send('POST', '/logout')).status).toBe(303);
    expect((await client.send('GET', '/')).status).toBe(302);
  });

  it('renders only the buttons a role may use', async () => {
    const page = async (role: string) =>
      await (await as[role].send('GET', `/queues/${queue}`)).text();
    const viewer = await page('viewer');
    expect(viewer).not.toContain('hx-post');
    expect(viewer).not.toContain('<form id="policy"');
    expect(viewer).not.toContain('id="enqueue"');
    const operator = await page('operator');
    expect(operator).toContain(`hx-post="/queues/${queue}/pause"`);
    expect(operator).toContain('id="enqueue"');
    expect(operator).not.toContain('<form id="policy"');
    expect(operator).not.toContain('Purge queue');
    const admin = await page('admin');
    expect(admin).toContain('<form id="policy"');
    expect(admin).toContain('Purge queue');
    expect(await (await as.viewer.send('GET', '/')).text()).not.toContain('href="/audit"');
  });

  it('refuses, server-side, every forged action above the role (403 naming the roles)', async () => {
    const forged: [string, string, URLSearchParams?][] = [
      ['viewer', `/queues/${queue}/pause`],
      ['viewer', `/queues/${queue}/retry-failed`],
      ['viewer', `/queues/${queue}/clean/completed`],
      ['viewer', `/queues/${queue}/enqueue`, new URLSearchParams({ data: '{}' })],
      ['operator', `/queues/${queue}/policy`, new URLSearchParams({ attempts: '5' })],
      ['operator', `/queues/${queue}/purge`],
      ['operator', `/queues/${queue}/jobs/1/delete`],
    ];
    for (const [role, path, body] of forged) {
      const res = await as[role].send('POST', path, body);
      expect([role, path, res.status]).toEqual([role, path, 403]);
      const answer = await res.json();
      expect(answer.code).toBe('FORBIDDEN');
      expect(answer.error).toMatch(
        /needs role (admin or operator|admin); user "\w+" has role (viewer|operator)$/,
      );
    }
    expect((await as.operator.send('GET', '/audit')).status).toBe(403);
    expect((await call('GET', `${api.url}/policy/${queue}`)).body.attempts).toBe(3);
    expect((await call('GET', `${api.url}/control/${queue}`)).body.state).toBe('open');
  });

  it('refuses cross-site state changes whatever the role', async () => {
    const path = `/queues/${queue}/pause`;
    const forgeries: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of forgeries) {
      const res = await as.admin.send('POST', path, undefined, headers);
      expect(res.status).toBe(403);
      expect((await res.json()).code).toBe('CROSS_SITE');
    }
    const bare = await fetch(`${dashboard.url}${path}`, {
      method: 'POST',
      headers: { cookie: as.admin.cookie },
    });
    expect(bare.status).toBe(403);
    expect((await call('GET', `${api.url}/control/${queue}`)).body.state).toBe('open');
  });

  it('lets an operator pause and an admin change the policy, with the API’s refusals at the field', async () => {
    const paused = await as.operator.send('POST', `/queues/${queue}/pause`, undefined, {
      'sec-fetch-site': 'same-origin',
    });
    expect(paused.status).toBe(200);
    expect((await call('GET', `${api.url}/control/${queue}`)).body.state).toBe('stopped');

    const apiRefusal = await call('PUT', `${api.url}/policy/${queue}`, { attempts: 0 });
    const form = new URLSearchParams({
      state: 'stopped',
      attempts: '0',
      'backoff.type': 'fixed',
      'backoff.delay_ms': '10',
    });
    const refused = await as.admin.send('POST', `/queues/${queue}/policy`, form);
    expect(refused.status).toBe(400);
    const html = await refused.text();
    const message = apiRefusal.body.details[0].problems[0];
    expect(message).toBe('attempts must be >= 1');
    expect(html).toMatch(
      new RegExp(
        `data-field="attempts">[\\s\\S]*?<p class="field-error" id="policy-attempts-error">${message}</p>`,
      ),
    );

    const saved = await as.admin.send(
      'POST',
      `/queues/${queue}/policy`,
      policyForm({ attempts: '7', concurrency: '2' }),
    );
    expect(saved.status).toBe(200);
    expect((await call('GET', `${api.url}/policy/${queue}`)).body).toMatchObject({
      attempts: 7,
      concurrency: 2,
      state: 'open',
    });
  });

  it('records every action in the audit trail as the user, via the dashboard', async () => {
    const { entries } = await dashboard.app.get(AuditStore).read({ queue });
    const mine = entries.map((e) => [e.action, e.actor.name, e.actor.role, e.actor.kind, e.via]);
    expect(mine).toContainEqual(['queue.stop', 'otto', 'operator', 'user', 'dashboard']);
    expect(mine).toContainEqual(['policy.update', 'ada', 'admin', 'user', 'dashboard']);
    const update = entries.find((e) => e.action === 'policy.update');
    expect(update).toMatchObject({
      before: { attempts: 3 },
      after: { attempts: 7 },
      from: '127.0.0.1',
    });
    const page = await (await as.admin.send('GET', '/audit')).text();
    expect(page).toContain('otto (user, operator)');
    expect(mine.filter(([action]) => action === 'policy.update')).toHaveLength(1);
  });

  it('serves bull-board read-only, loading nothing from outside the machine', async () => {
    const board = await as.viewer.send('GET', '/board');
    const html = await board.text();
    expect(html).not.toMatch(/(href|src)="https?:\/\//);
    expect(board.headers.get('content-security-policy')).toContain("default-src 'self'");
    const action = await as.admin.send('PUT', `/board/api/queues/${queue}/pause`);
    expect(action.status).toBe(403);
  });

  it('rate-limits login attempts', async () => {
    const client = new DashboardClient(dashboard.url);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await client.login('ada', 'wrong')).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(-1)).toEqual([429]);
  });
});

function policyForm(overrides: Record<string, string>): URLSearchParams {
  return new URLSearchParams({
    state: 'open',
    attempts: '3',
    'backoff.type': 'exponential',
    'backoff.delay_ms': '1000',
    concurrency: '',
    'rate_limit.max': '',
    'rate_limit.duration_ms': '',
    timeout_ms: '',
    lease_ms: '30000',
    'retention.completed.count': '1000',
    'retention.completed.age_s': '86400',
    'retention.failed.count': '10000',
    'retention.failed.age_s': '604800',
    default_priority: '0',
    max_payload_bytes: '1048576',
    ...overrides,
  });
}
