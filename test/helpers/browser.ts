import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../src/app/materials/chromium.js';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** The Debian package's Chromium, unless CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A machine without Chromium skips the browser tests; CI never does (it must have one). */
export const NO_BROWSER = !existsSync(CHROMIUM) && !process.env.CI;

/**
 * Real headless Chromium (Debian package) with a fresh profile (--user-data-dir, which Playwright
 * sets from the persistent-context directory) and no background traffic.
 */
export async function launchChromium(): Promise<BrowserContext> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'beian-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS],
    viewport: { width: 1280, height: 900 },
  });
}
