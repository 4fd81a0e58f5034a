import { bearer, ONE_KEY_PER_ROLE } from '../helpers/api-keys';
import { RunningHttpApp, startApi } from '../helpers/apps';
import { freshName, testConfig } from '../helpers/test-env';
import { call } from '../jobs/http';

describe('schedules over REST', () => {
  let api: RunningHttpApp;
  const admin = bearer('admin');
  beforeAll(async () => (api = await startApi(testConfig({ API_KEYS: ONE_KEY_PER_ROLE }))));
  afterAll(() => api.close());

  it('creates a schedule (201), answers the same body again unchanged (200), lists, reads, deletes (204) and audits', async () => {
    const queue = freshName('sched');
    const url = `${api.url}/schedules/${queue}/nightly`;
    const body = {
      cron: '0 3 * * *',
      tz: 'Europe/Paris',
      name: 'report',
      data: { kind: 'nightly' },
    };
    const created = await call('PUT', url, body, admin);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      queue,
      id: 'nightly',
      cron: '0 3 * * *',
      tz: 'Europe/Paris',
      description: 'At 03:00 (Europe/Paris)',
      name: 'report',
      paused: false,
      produced: 0,
      last_job: null,
    });
    expect(Date.parse(created.body.next_run_at)).toBeGreaterThan(Date.now());
    const again = await call('PUT', url, body, admin);
    expect(again.status).toBe(200);
    expect(again.body.updated_at).toBe(created.body.updated_at);
    const changed = await call('PUT', url, { ...body, cron: '0 4 * * *' }, admin);
    expect(changed.status).toBe(200);
    expect(changed.body.description).toBe('At 04:00 (Europe/Paris)');

    const every = await call(
      'PUT',
      `${api.url}/schedules/${queue}/tick`,
      { every_ms: 60000 },
      admin,
    );
    expect(every.status).toBe(201);
    expect(every.body).toMatchObject({
      every_ms: 60000,
      description: 'Every minute',
      name: 'default',
    });

    const ofQueue = await call('GET', `${api.url}/schedules/${queue}`, undefined, bearer('viewer'));
    expect(ofQueue.body.schedules.map((s: { id: string }) => s.id)).toEqual(['nightly', 'tick']);
    const all = await call('GET', `${api.url}/schedules`, undefined, bearer('consumer'));
    expect(all.body.schedules.filter((s: { queue: string }) => s.queue === queue)).toHaveLength(2);
    expect((await call('GET', url, undefined, bearer('producer'))).body.id).toBe('nightly');

    const removed = await call('DELETE', url, undefined, admin);
    expect(removed.status).toBe(204);
    expect((await call('GET', url, undefined, admin)).status).toBe(404);
    expect((await call('DELETE', url, undefined, admin)).status).toBe(404);

    const trail = await call('GET', `${api.url}/audit?queue=${queue}`, undefined, admin);
    expect(trail.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'schedule.delete',
      'schedule.upsert',
      'schedule.upsert',
      'schedule.upsert',
    ]);
    expect(trail.body.entries[2]).toMatchObject({
      id: 'nightly',
      before: { cron: '0 3 * * *' },
      after: { cron: '0 4 * * *' },
    });
  });

  it('pauses, resumes and runs a schedule now', async () => {
    const queue = freshName('sched');
    const url = `${api.url}/schedules/${queue}/hourly`;
    await call('PUT', url, { cron: '0 * * * *', name: 'echo', data: { n: 1 } }, admin);
    const paused = await call('POST', `${url}/pause`, undefined, admin);
    expect(paused.body).toMatchObject({ paused: true, next_run_at: null });
    const metrics = async () =>
      (await fetch(`${api.url}/metrics`, { headers: bearer('viewer') })).text();
    const labels = `{queue="${queue}",schedule="hourly"}`;
    expect(await metrics()).toContain(`jobq_schedule_paused${labels} 1`);
    expect(await metrics()).not.toContain(`jobq_schedule_next_run_timestamp_seconds${labels}`);
    const resumed = await call('POST', `${url}/resume`, undefined, admin);
    expect(resumed.body.paused).toBe(false);
    expect(resumed.body.next_run_at).not.toBeNull();
    const exposed = await metrics();
    expect(exposed).toContain(
      `jobq_schedule_next_run_timestamp_seconds${labels} ${Date.parse(resumed.body.next_run_at) / 1000}`,
    );
    expect(exposed).toContain(`jobq_schedule_paused${labels} 0`);
    expect(exposed).toContain(`jobq_schedule_jobs_produced_total${labels} 0`);
    const run = await call('POST', `${url}/run`, undefined, bearer('operator'));
    expect(run.status).toBe(201);
    const job = await call('GET', `${api.url}/q/${queue}/jobs/${run.body.id}`, undefined, admin);
    expect(job.body).toMatchObject({ name: 'echo', data: { n: 1 }, state: 'waiting' });
    expect((await call('POST', `${url}/pause`, undefined, bearer('operator'))).status).toBe(403);
  });

  it.each([
    [{ cron: '61 * * * *' }, /cron "61 \* \* \* \*" is not a cron expression/],
    [{ cron: '* * * * *', tz: 'Europe/Atlantis' }, /tz "Europe\/Atlantis" is not a time zone/],
    [{ every_ms: 500 }, /every_ms must be >= 1000/],
    [{ cron: '* * * * *', every_ms: 60000 }, /not both/],
    [{ name: 'x' }, /give cron .* or every_ms/],
    [{ every_ms: 60000, data: 'text' }, /data must be a JSON object/],
  ])('refuses %j with a 400 that says what to fix', async (body, message) => {
    const res = await call('PUT', `${api.url}/schedules/${freshName('sched')}/s`, body, admin);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_SCHEDULE');
    expect(res.body.error).toMatch(message);
  });

  it('refuses a bad name and a body that is not JSON', async () => {
    const badQueue = await call(
      'PUT',
      `${api.url}/schedules/bad%20queue/s`,
      { every_ms: 60000 },
      admin,
    );
    expect(badQueue.status).toBe(400);
    expect(badQueue.body.error).toMatch(/invalid queue name/);
    const badId = await call('PUT', `${api.url}/schedules/q/-s`, { every_ms: 60000 }, admin);
    expect(badId.body.error).toMatch(/invalid schedule name/);
    const text = await call('PUT', `${api.url}/schedules/q/s`, 'every minute', {
      ...admin,
      'content-type': 'text/plain',
    });
    expect(text.status).toBe(415);
  });
});
