import { Browser, chromium } from 'playwright-core';
import type { DebianProgram } from '../../scripts/lib/debian-program';

/**
 * Debian's Chromium (`apt-get install chromium`), or the binary `CHROMIUM_BIN` names; global-setup
 * installs it where it is missing. Playwright's own browser downloads are never used.
 */
export const CHROMIUM: DebianProgram = {
  package: 'chromium',
  override: 'CHROMIUM_BIN',
  debianPath: '/usr/bin/chromium',
};

/** Starts headless Chromium for UI tests (the binary global-setup found, in `CHROMIUM_BIN`). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || CHROMIUM.debianPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
