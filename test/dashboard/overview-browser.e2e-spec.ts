import type { Browser, Page } from 'playwright-core';
import { RunningHttpApp, startApi, startDashboard } from '../helpers/apps';
import { launchBrowser } from '../helpers/browser';
import { freshName, testConfig } from '../helpers/test-env';
import { call } from '../jobs/http';

describe('dashboard overview in Chromium', () => {
  let api: RunningHttpApp;
  let dashboard: RunningHttpApp;
  let browser: Browser;
  let page: Page;
  const queue = freshName('emails');

  beforeAll(async () => {
    const config = testConfig();
    [api, dashboard, browser] = await Promise.all([
      startApi(config),
      startDashboard(config),
      launchBrowser(),
    ]);
    expect((await call('POST', `${api.url}/q/${queue}`, { to: 'a@example.com' })).status).toBe(201);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([api.close(), dashboard.close()]);
  });

  const waitingCell = () => page.locator(`tr[data-queue="${queue}"] td.num`).first();

  it('shows each queue with its counts and policy', async () => {
    await page.goto(`${dashboard.url}/`);
    expect(await page.title()).toBe('Queues · jobq');
    await expect(waitingCell().textContent()).resolves.toBe('1');
    const row = page.locator(`tr[data-queue="${queue}"]`);
    await expect(row.locator('.badge').textContent()).resolves.toBe('open');
    await expect(row.locator('td').last().textContent()).resolves.toBe(
      '3 attempts · exponential 1000 ms',
    );
    await expect(row.locator('a').getAttribute('href')).resolves.toBe(`/board/queue/${queue}`);
  });

  it('updates the row by itself when jobs arrive and the queue stops', async () => {
    await page.waitForFunction(() => document.body.dataset.live === 'on');
    expect((await call('POST', `${api.url}/qb/${queue}`, { jobs: [{}, {}] })).status).toBe(201);
    expect((await call('PUT', `${api.url}/policy/${queue}`, { state: 'stopped' })).status).toBe(
      200,
    );
    await page.waitForFunction(
      (name) => {
        const row = document.querySelector(`tr[data-queue="${name}"]`);
        return (
          row?.querySelector('td.num')?.textContent === '3' && row.querySelector('.badge.stopped')
        );
      },
      queue,
      { timeout: 10_000 },
    );
    await expect(page.locator('#summary').textContent()).resolves.toContain('3 jobs waiting');
  });
});
