import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { isCI } from './real-servers';

/** Debian's Chromium (`apt-get install chromium`); playwright-core drives it and downloads no browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the browser tests write their screenshots (git-ignored; CI keeps reports/). */
export const SCREENSHOTS = join(__dirname, '..', '..', 'reports', 'viewer');

/**
 * Chromium reaches for Google's services at start (component updates, sync, QUIC probes); on a
 * machine without a way out those hang, so every one of them is switched off.
 */
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile, removed on close. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, acceptDownloads: true, viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** `describe` that needs Chromium: without it, a failing test in CI and a todo elsewhere. */
export function describeWithChromium(title: string, fn: () => void): void {
  describe(title, () => {
    if (existsSync(CHROMIUM)) fn();
    else if (isCI()) it('needs Chromium', () => {
      throw new Error(`${CHROMIUM} is missing: CI must install it (apt-get install -y chromium)`);
    });
    else it.todo(`install Chromium to run this suite: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  });
}
