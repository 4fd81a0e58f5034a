import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LiveHub } from '../../apps/dashboard/src/live/live-hub.service';
import { RunningHttpApp, startDashboard } from '../helpers/apps';
import { launchBrowser } from '../helpers/browser';
import { testConfig } from '../helpers/test-env';
import { waitUntil } from '../helpers/wait-until';
import { FAST_STALL, WorkerFixture } from '../worker/worker-fixture';
import { dashboardUsers, USERS } from './dashboard-client';

jest.setTimeout(120_000);

const SHOTS = join(__dirname, '../../test-output/screenshots');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The dashboard in Chromium against real worker processes: roles, live updates, forms, the fleet. */
describe('dashboard in Chromium', () => {
  let fixture: WorkerFixture;
  let dashboard: RunningHttpApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    fixture = await WorkerFixture.create({
      WORKER_HEARTBEAT_MS: '200',
      WORKER_QUEUES: 'demo',
      ...FAST_STALL,
    });
    const config = testConfig({
      ...fixture.env,
      LOG_LEVEL: 'silent',
      DASHBOARD_USERS: await dashboardUsers(),
    });
    [dashboard, browser] = await Promise.all([startDashboard(config), launchBrowser()]);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await dashboard?.close();
    await fixture?.close();
  });

  /** Each user's session after logging in through the form once (the login limit counts every attempt). */
  const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

  async function loggedIn(role: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const user = USERS.find((u) => u.role === role)!;
    const context = await browser.newContext({
      colorScheme,
      viewport: { width: 1400, height: 900 },
      storageState: sessions.get(user.name),
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${dashboard.url}/`);
    if (sessions.has(user.name)) {
      expect(page.url()).toBe(`${dashboard.url}/`);
      return page;
    }
    expect(page.url()).toBe(`${dashboard.url}/login?next=%2F`);
    await page.fill('#login-user', user.name);
    await page.fill('#login-password', user.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${dashboard.url}/`);
    sessions.set(user.name, await context.storageState());
    return page;
  }

  /** axe-core's serious and critical findings on the page (WCAG 2 A/AA rules). */
  async function axe(page: Page): Promise<string[]> {
    await page.evaluate(AXE);
    return page.evaluate(async () => {
      const run = (
        window as unknown as {
          axe: {
            run(
              o: object,
            ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const result = await run.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.nodes.length})`);
    });
  }

  it('logs in; a wrong password is refused', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${dashboard.url}/login`);
    await page.fill('#login-user', 'ada');
    await page.fill('#login-password', 'wrong');
    await page.click('button[type=submit]');
    await expect(page.locator('#login-error').textContent()).resolves.toBe(
      'Wrong user name or password.',
    );
    expect(await axe(page)).toEqual([]);
    await page.goto(`${dashboard.url}/board`);
    expect(page.url()).toMatch(/\/login\?next=%2Fboard$/);
  });

  it('shows each role exactly its share of the buttons', async () => {
    await fixture.policies.update('demo', { state: 'open' });
    const viewer = await loggedIn('viewer');
    await viewer.waitForSelector('tr[data-queue="demo"]');
    expect(await viewer.locator('tr[data-queue="demo"] button').count()).toBe(0);
    await viewer.goto(`${dashboard.url}/queues/demo`);
    expect(await viewer.locator('form#policy, form#enqueue, button.action').count()).toBe(0);
    const operator = await loggedIn('operator');
    await operator.goto(`${dashboard.url}/queues/demo`);
    expect(await operator.locator('form#enqueue').count()).toBe(1);
    expect(await operator.locator('form#policy').count()).toBe(0);
    expect(await operator.getByRole('button', { name: 'Pause' }).count()).toBe(1);
    expect(await operator.getByRole('button', { name: 'Purge queue' }).count()).toBe(0);
    const forged = await operator.evaluate(
      async () => (await fetch('/queues/demo/purge', { method: 'POST' })).status,
    );
    expect(forged).toBe(403);
  });

  it('shows counts and a worker’s processed count changing while jobs run, with no reload', async () => {
    const [first, second] = await Promise.all([fixture.spawnWorker(), fixture.spawnWorker()]);
    const admin = await loggedIn('admin');
    await admin.waitForSelector('main[data-live="on"]');
    await fixture.demo.addBulk(
      Array.from({ length: 30 }, (_, n) => ({ name: 'echo', data: { n } })),
    );
    await admin.waitForFunction(
      () => {
        const row = document.querySelector('tr[data-queue="demo"]');
        return row && Number(row.querySelectorAll('td')[4]?.textContent?.replace(/,/g, '')) >= 30;
      },
      undefined,
      { timeout: 15_000 },
    );
    await admin.goto(`${dashboard.url}/workers`);
    for (const worker of [first, second])
      await admin.waitForSelector(`tr[data-worker*="-${worker.child.pid}-"]`);
    const processed = () =>
      admin.evaluate(() =>
        [...document.querySelectorAll('tr[data-worker] td:nth-of-type(7)')].reduce(
          (n, td) => n + Number(td.textContent?.replace(/,/g, '')),
          0,
        ),
      );
    const before = await processed();
    await admin.waitForSelector('main[data-live="on"]');
    await fixture.demo.addBulk(
      Array.from({ length: 10 }, (_, n) => ({ name: 'echo', data: { n } })),
    );
    await admin.waitForFunction(
      (b) =>
        [...document.querySelectorAll('tr[data-worker] td:nth-of-type(7)')].reduce(
          (n, td) => n + Number(td.textContent?.replace(/,/g, '')),
          0,
        ) >=
        b + 10,
      before,
      { timeout: 15_000 },
    );

    first.child.kill('SIGKILL');
    await admin.waitForSelector(`tr[data-worker*="-${first.child.pid}-"].lost .badge-lost`, {
      timeout: 15_000,
    });
    await fixture.spawnWorker();
  });

  it('shows a policy refusal at its field; stopped halts processing, open resumes it', async () => {
    const admin = await loggedIn('admin');
    await admin.goto(`${dashboard.url}/queues/demo`);
    await admin.fill('#policy-attempts', '0');
    await admin.click('form#policy button[type=submit]');
    await expect(admin.locator('[data-field="attempts"] .field-error').textContent()).resolves.toBe(
      'attempts must be >= 1',
    );
    await expect(admin.locator('#policy-attempts').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );

    await admin.fill('#policy-attempts', '3');
    await admin.selectOption('#policy-state', 'stopped');
    await admin.click('form#policy button[type=submit]');
    await admin.waitForSelector('form#policy .notice-ok');
    await fixture.demo.addBulk(
      Array.from({ length: 5 }, (_, n) => ({ name: 'echo', data: { n } })),
    );
    await admin.waitForFunction(
      () => document.querySelector('.tabs a[data-state="waiting"] .count')?.textContent === '5',
      undefined,
      { timeout: 10_000 },
    );
    expect(await fixture.demo.getJobCountByTypes('waiting')).toBe(5);

    await admin.selectOption('#policy-state', 'open');
    await admin.click('form#policy button[type=submit]');
    await waitUntil(
      async () => (await fixture.demo.getJobCountByTypes('waiting')) === 0,
      'jobs taken after open',
    );
  });

  it('holds a global concurrency cap across two worker processes', async () => {
    const admin = await loggedIn('admin');
    await admin.goto(`${dashboard.url}/queues/demo`);
    await admin.fill('#policy-concurrency', '2');
    await admin.click('form#policy button[type=submit]');
    await admin.waitForSelector('form#policy .notice-ok');
    await fixture.demo.addBulk(
      Array.from({ length: 8 }, () => ({ name: 'sleep', data: { ms: 300 } })),
    );
    let most = 0;
    await waitUntil(
      async () => {
        const { active, waiting, delayed } = await fixture.demo.getJobCounts(
          'active',
          'waiting',
          'delayed',
        );
        most = Math.max(most, active);
        return active + waiting + delayed === 0;
      },
      'the sleep jobs to finish',
      { timeoutMs: 20_000, intervalMs: 20 },
    );
    expect(most).toBe(2);
    await fixture.policies.update('demo', { concurrency: null });
  });

  it('retries all failed, cleans completed, and finds a job by id from the search box', async () => {
    await fixture.demo.addBulk(
      Array.from({ length: 3 }, () => ({
        name: 'flaky',
        data: { fail_times: 1 },
        opts: { attempts: 1 },
      })),
    );
    await waitUntil(
      async () => (await fixture.demo.getJobCountByTypes('failed')) >= 3,
      'three failed jobs',
    );
    const operator = await loggedIn('operator');
    operator.on('dialog', (dialog) => void dialog.accept());
    await operator.goto(`${dashboard.url}/queues/demo?state=failed`);
    await operator.getByRole('button', { name: 'Retry all failed' }).click();
    await operator.waitForSelector('#toast .notice-ok');
    await waitUntil(
      async () =>
        (await fixture.demo.getJobCountByTypes('failed')) === 0 &&
        (await fixture.demo.getJobCountByTypes('completed')) > 0,
      'the retried jobs to complete',
    );
    await operator.goto(`${dashboard.url}/queues/demo?state=completed`);
    const [job] = await fixture.demo.getJobs(['completed'], 0, 0);
    await operator.getByRole('button', { name: 'Clean completed' }).click();
    await operator.waitForFunction(
      () => document.querySelector('.tabs a[data-state="completed"] .count')?.textContent === '0',
      undefined,
      { timeout: 10_000 },
    );

    const id = (await fixture.demo.add('echo', { find: 'me' }, { delay: 60_000 })).id!;
    await operator.keyboard.press('/');
    await operator.keyboard.type(id);
    await operator.keyboard.press('Enter');
    await operator.waitForURL(`${dashboard.url}/queues/demo/jobs/${id}`);
    await expect(operator.locator('#job').textContent()).resolves.toContain('"find": "me"');
    expect(job).toBeDefined();
  });

  it('stops sending to a hidden tab and sends again when it shows', async () => {
    const viewer = await loggedIn('viewer');
    await viewer.waitForSelector('main[data-live="on"]');
    const hub = dashboard.app.get(LiveHub);
    const open = hub.stats.pages;
    const show = (state: 'hidden' | 'visible') =>
      viewer.evaluate((s) => {
        Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, state);
    await show('hidden');
    await waitUntil(async () => hub.stats.pages === open - 1, 'the hidden tab to disconnect');
    await show('visible');
    await waitUntil(async () => hub.stats.pages === open, 'the tab to reconnect');
    await viewer.waitForSelector('main[data-live="on"]');
  });

  it('schedules: an admin adds one (a bad cron shown at its field), an operator runs it now, pause is flagged', async () => {
    const admin = await loggedIn('admin');
    await admin.goto(`${dashboard.url}/schedules`);
    await admin.fill('#schedule-queue', 'demo');
    await admin.fill('#schedule-id', 'every-minute');
    await admin.fill('#schedule-cron', '61 * * * *');
    await admin.fill('#schedule-name', 'echo');
    await admin.click('#schedule-form button[type=submit]');
    await expect(admin.locator('[data-field="cron"] .field-error').textContent()).resolves.toMatch(
      /cron "61 \* \* \* \*" is not a cron expression/,
    );
    await admin.fill('#schedule-cron', '* * * * *');
    await admin.fill('#schedule-tz', 'Europe/Paris');
    await admin.click('#schedule-form button[type=submit]');
    await admin.waitForURL(`${dashboard.url}/schedules/demo/every-minute`);
    await expect(admin.locator('main').textContent()).resolves.toContain(
      'Every minute (Europe/Paris)',
    );

    const operator = await loggedIn('operator');
    await operator.goto(`${dashboard.url}/schedules`);
    const row = operator.locator('tr[data-schedule="demo/every-minute"]');
    expect(await row.getByRole('button', { name: 'Pause demo/every-minute' }).count()).toBe(0);
    await row.getByRole('button', { name: 'Run demo/every-minute now' }).click();
    const ran = await operator.locator('#toast .notice-ok').textContent({ timeout: 10_000 });
    expect(ran?.trim()).toMatch(/^Job \S+ of demo\/every-minute is waiting\.$/);

    await admin.goto(`${dashboard.url}/queues/demo`);
    const onQueue = admin.locator('tr[data-schedule="demo/every-minute"]');
    await onQueue.getByRole('button', { name: 'Pause demo/every-minute' }).click();
    await onQueue.locator('.badge-stopped', { hasText: 'paused' }).waitFor();
    expect((await fixture.demo.getJobScheduler('every-minute')) ?? null).toBeNull();
    await admin
      .locator('tr[data-schedule="demo/every-minute"]')
      .getByRole('button', { name: 'Resume demo/every-minute' })
      .click();
    await admin
      .locator('tr[data-schedule="demo/every-minute"] .badge-stopped')
      .waitFor({ state: 'detached' });
  });

  /** Queues with no worker, in several states, so the pages show what a real day looks like. */
  async function seedQueues(): Promise<void> {
    const seed = async (queue: string, jobs: number, opts: object, patch: object) => {
      await fixture.registry.register(queue);
      await fixture.policies.update(queue, patch);
      const bull = fixture.registry.queue(queue);
      await bull.addBulk(
        Array.from({ length: jobs }, (_, n) => ({ name: 'send', data: { n }, opts })),
      );
    };
    await seed('emails', 240, {}, { rate_limit: { max: 50, duration_ms: 1000 }, attempts: 5 });
    await seed('reports', 12, { delay: 3_600_000 }, { state: 'stopped' });
    await seed('thumbnails', 35, { priority: 2 }, { concurrency: 4 });
  }

  it('passes axe-core on every page and saves light and dark screenshots of each', async () => {
    await seedQueues();
    const echoes = await fixture.demo.addBulk(
      Array.from({ length: 40 }, (_, n) => ({ name: 'echo', data: { n } })),
    );
    await fixture.settled(echoes.at(-1)!.id!);
    const failed = (await fixture.demo.add('flaky', { fail_times: 1 }, { attempts: 1 })).id!;
    await waitUntil(
      async () => (await fixture.demo.getJobState(failed)) === 'failed',
      'a failed job',
    );
    const pages: [string, string][] = [
      ['overview', '/'],
      ['queue', '/queues/demo?state=completed'],
      ['job', `/queues/demo/jobs/${failed}`],
      ['lookup', '/jobs?id=no-such-job'],
      ['workers', '/workers'],
      ['schedules', '/schedules'],
      ['schedule', '/schedules/demo/every-minute'],
      ['bus', '/bus'],
      ['audit', '/audit'],
      ['board', '/board'],
    ];
    for (const scheme of ['light', 'dark'] as const) {
      const admin = await loggedIn('admin', scheme);
      const outside: string[] = [];
      admin.on(
        'request',
        (r) =>
          !r.url().startsWith(dashboard.url) &&
          !r.url().startsWith('data:') &&
          outside.push(r.url()),
      );
      for (const [name, path] of pages) {
        await admin.goto(`${dashboard.url}${path}`);
        if (name === 'board') await admin.waitForSelector('text=demo', { timeout: 15_000 });
        else expect([name, await axe(admin)]).toEqual([name, []]);
        await admin.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`), fullPage: true });
      }
      expect(outside).toEqual([]);
    }
  });
});
