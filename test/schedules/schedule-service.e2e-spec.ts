import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, QueueCoreModule, ScheduleService, SchedulesModule } from '@jobq/queue-core';
import type { Job } from 'bullmq';
import { spawnDist } from '../helpers/apps';
import { waitUntil } from '../helpers/wait-until';
import { WorkerFixture } from '../worker/worker-fixture';

/** Jobs a schedule produced, by tick (BullMQ ids them `repeat:<schedule>:<tick ms>`). */
async function produced(jobs: Job[], schedule: string): Promise<number[]> {
  const prefix = `repeat:${schedule}:`;
  return jobs
    .filter((job) => String(job.id).startsWith(prefix))
    .map((job) => Number(String(job.id).slice(prefix.length)))
    .sort((a, b) => a - b);
}

describe('schedules on BullMQ job schedulers', () => {
  let fx: WorkerFixture;
  let core: INestApplicationContext;
  let schedules: ScheduleService;
  beforeAll(async () => {
    fx = await WorkerFixture.create();
    core = await NestFactory.createApplicationContext(
      {
        module: class ScheduleTestModule {},
        imports: [
          QueueCoreModule.forRoot({
            role: 'tool',
            config: fx.config,
            logger: createLogger('t', 'silent'),
          }),
          SchedulesModule,
        ],
      },
      { logger: false },
    );
    schedules = core.get(ScheduleService);
  });
  afterAll(async () => {
    await core.close();
    await fx.close();
  });

  it('a 1-second schedule made by twenty callers at once produces one job per tick with two workers running; the same body twice changes nothing; delete stops it', async () => {
    await Promise.all([fx.spawnWorker(), fx.spawnWorker()]);
    const body = { every_ms: 1000, name: 'echo', data: { from: 'schedule' } };
    const all = await Promise.all(
      Array.from({ length: 20 }, () => schedules.upsert('demo', 'tick', body)),
    );
    expect(all.filter((u) => u.created)).toHaveLength(1);
    const first = all.find((u) => u.created)!;
    expect(first).toMatchObject({ created: true, changed: true });
    expect(first.schedule).toMatchObject({
      every_ms: 1000,
      description: 'Every second',
      name: 'echo',
      paused: false,
    });
    const again = await schedules.upsert('demo', 'tick', body);
    expect(again).toMatchObject({ created: false, changed: false });
    expect(again.schedule.updated_at).toBe(first.schedule.updated_at);

    const ticks = await waitUntil(
      async () => {
        const done = await produced(await fx.demo.getJobs(['completed']), 'tick');
        return done.length >= 4 ? done : undefined;
      },
      'four scheduled jobs completed',
      { timeoutMs: 15_000 },
    );
    for (let i = 1; i < ticks.length; i++) expect(ticks[i] - ticks[i - 1]).toBe(1000);
    const done = await fx.demo.getJob(`repeat:tick:${ticks[0]}`);
    expect(done?.returnvalue).toEqual({ from: 'schedule' });
    expect(done?.opts.attempts).toBe(3);

    const view = await schedules.get('demo', 'tick');
    expect(view.produced).toBeGreaterThanOrEqual(4);
    expect(view.last_job?.id).toMatch(/^repeat:tick:\d+$/);

    await schedules.remove('demo', 'tick');
    expect(await fx.demo.getJobScheduler('tick')).toBeUndefined();
    const pending = await produced(await fx.demo.getJobs(['delayed', 'waiting']), 'tick');
    expect(pending).toEqual([]);
    await expect(schedules.get('demo', 'tick')).rejects.toThrow(/schedule "tick" not found/);
  }, 40_000);

  it.each([
    ['the day before spring forward', '2027-03-27T00:00:00Z', '2027-03-27T08:00:00.000Z'],
    ['the day of spring forward', '2027-03-28T00:00:00Z', '2027-03-28T07:00:00.000Z'],
    ['the day before fall back', '2027-10-30T00:00:00Z', '2027-10-30T07:00:00.000Z'],
    ['the day of fall back', '2027-10-31T00:00:00Z', '2027-10-31T08:00:00.000Z'],
  ])('09:00 in Europe/Paris on %s runs at 09:00 local time', async (_day, start, expected) => {
    const queue = `tz-${Math.random().toString(36).slice(2)}`;
    const { schedule } = await schedules.upsert(queue, 'morning', {
      cron: '0 9 * * *',
      tz: 'Europe/Paris',
      start_at: start,
    });
    expect(schedule.next_run_at).toBe(expected);
    expect(schedule.description).toBe('At 09:00 (Europe/Paris)');
  });

  it('pauses, resumes and runs now', async () => {
    await schedules.upsert('demo', 'nightly', { cron: '0 3 * * *', name: 'echo', data: { n: 7 } });
    const paused = await schedules.pause('demo', 'nightly');
    expect(paused).toMatchObject({ paused: true, next_run_at: null });
    expect(await fx.demo.getJobScheduler('nightly')).toBeUndefined();
    const resumed = await schedules.resume('demo', 'nightly');
    expect(resumed.paused).toBe(false);
    expect(Date.parse(resumed.next_run_at!)).toBeGreaterThan(Date.now());
    const job = await schedules.runNow('demo', 'nightly');
    expect((await fx.settled(job.id)).returnvalue).toEqual({ n: 7 });
    expect((await schedules.list('demo')).map((s) => s.id)).toContain('nightly');
    await schedules.remove('demo', 'nightly');
  }, 30_000);

  it('a schedule declared in code is saved once by every app instance, and reported once no longer declared', async () => {
    const mailers = [0, 1].map(() => spawnDist('test/fixtures/mailer/main.js', fx.env));
    fx.workers.push(...mailers);
    await Promise.all(mailers.map((m) => m.waitForLine(/"msg":"worker ready"/, 30_000)));
    const digest = await schedules.get('mail', 'digest');
    expect(digest).toMatchObject({
      every_ms: 1000,
      name: 'digest',
      declared_in_code: { app: 'mailer', missing_since: null },
    });
    const mail = fx.registry.queue('mail');
    const ticks = await waitUntil(
      async () => {
        const done = await produced(await mail.getJobs(['completed']), 'digest');
        return done.length >= 3 ? done : undefined;
      },
      'three digests',
      { timeoutMs: 15_000 },
    );
    for (let i = 1; i < ticks.length; i++) expect(ticks[i] - ticks[i - 1]).toBe(1000);

    const without = spawnDist('test/fixtures/mailer/main.js', { ...fx.env, MAILER_DIGEST: 'off' });
    fx.workers.push(without);
    const warning = await without.waitForLine(/no longer declared/, 30_000);
    expect(JSON.parse(warning)).toMatchObject({ level: 40, queue: 'mail', schedule: 'digest' });
    const reported = await schedules.get('mail', 'digest');
    expect(reported.declared_in_code?.missing_since).not.toBeNull();
    expect(reported.next_run_at).not.toBeNull();
  }, 60_000);
});
