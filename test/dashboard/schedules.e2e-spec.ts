import { AuditStore, ScheduleService } from '@jobq/queue-core';
import { RunningHttpApp, startDashboard } from '../helpers/apps';
import { freshName, testConfig } from '../helpers/test-env';
import { DashboardClient, dashboardUsers, USERS } from './dashboard-client';

/** The schedules pages over plain HTTP: the server's share per role, the API's validation, the audit trail. */
describe('dashboard schedules', () => {
  let dashboard: RunningHttpApp;
  const as: Record<string, DashboardClient> = {};
  const queue = freshName('sched');
  const form = (fields: Record<string, string>) =>
    new URLSearchParams({ queue, id: 'nightly', kind: 'cron', tz: 'UTC', data: '{}', ...fields });

  beforeAll(async () => {
    dashboard = await startDashboard(testConfig({ DASHBOARD_USERS: await dashboardUsers() }));
    for (const user of USERS) {
      as[user.role] = new DashboardClient(dashboard.url);
      await as[user.role].login(user.name, user.password);
    }
  });
  afterAll(() => dashboard.close());

  it('saves a schedule for an admin, refusing a bad one with the API message at its field', async () => {
    const bad = await as.admin.send('POST', '/schedules/save', form({ cron: '0 25 * * *' }));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(
      /data-field="cron"[\s\S]*class="field-error"[^>]*>cron &#34;0 25 \* \* \*&#34; is not a cron expression/,
    );

    const badJson = await as.admin.send(
      'POST',
      '/schedules/save',
      form({ cron: '0 3 * * *', data: '{nope' }),
    );
    expect(badJson.status).toBe(400);
    expect(await badJson.text()).toMatch(/data is not valid JSON/);

    const ok = await as.admin.send(
      'POST',
      '/schedules/save',
      form({ cron: '0 3 * * *', name: 'report' }),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('hx-redirect')).toBe(`/schedules/${queue}/nightly`);
    const page = await (await as.viewer.send('GET', `/schedules/${queue}/nightly`)).text();
    expect(page).toContain('At 03:00 (UTC)');
    expect(page).not.toContain('id="schedule-form"');
    expect(page).not.toContain('hx-post');

    const entries = (await dashboard.app.get(AuditStore).read({ queue })).entries;
    expect(entries[0]).toMatchObject({
      action: 'schedule.upsert',
      via: 'dashboard',
      actor: { kind: 'user', name: 'ada', role: 'admin' },
      after: { cron: '0 3 * * *', name: 'report' },
    });
  });

  it('refuses every action above a role, whatever the page shows', async () => {
    await dashboard.app.get(ScheduleService).upsert(queue, 'hourly', { cron: '0 * * * *' });
    const base = `/schedules/${queue}/hourly`;
    expect((await as.viewer.send('POST', `${base}/run`)).status).toBe(403);
    expect((await as.operator.send('POST', `${base}/pause`)).status).toBe(403);
    expect((await as.operator.send('POST', `${base}/delete`)).status).toBe(403);
    expect(
      (await as.operator.send('POST', '/schedules/save', form({ cron: '* * * * *' }))).status,
    ).toBe(403);
    const run = await as.operator.send('POST', `${base}/run`);
    expect(run.status).toBe(200);
    expect(await run.text()).toMatch(/is waiting/);
    expect((await as.admin.send('POST', `${base}/pause`)).headers.get('hx-trigger')).toBe(
      'jobq:schedules',
    );
    expect((await dashboard.app.get(ScheduleService).get(queue, 'hourly')).paused).toBe(true);
    expect((await as.admin.send('POST', `${base}/delete`)).status).toBe(200);
    expect((await as.admin.send('GET', base)).status).toBe(404);
  });
});
