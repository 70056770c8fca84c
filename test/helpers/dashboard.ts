import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../src/server/app.js';
import type { ServerDeps } from '../../src/server/deps.js';
import { openStore, type Store } from '../../src/store/index.js';
import { launchChromium } from './browser.js';

export interface Dashboard {
  url: string;
  close: () => void;
}

/**
 * `beian serve` as the browser tests run it: local only, no tokens, zh, the clock fixed (the
 * given one, else 2026-11-25 10:00 Beijing), on a free loopback port.
 */
export function startDashboard(
  deps: Pick<ServerDeps, 'store' | 'kb'> & Partial<ServerDeps>,
): Promise<Dashboard> {
  const app = createApp({
    clock: () => new Date('2026-11-25T02:00:00Z'),
    lang: 'zh',
    auth: {},
    loopbackOnly: true,
    ...deps,
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

/** A SQLite store of its own in a new temporary folder. */
export const tempStore = (prefix: string): Promise<Store> =>
  openStore(join(mkdtempSync(join(tmpdir(), prefix)), 'beian.db'));

export interface BrowserDashboard {
  url: string;
  ctx: BrowserContext;
  page: Page;
  /** closes the browser, the server and the store, in that order */
  close: () => Promise<void>;
}

/** `startDashboard(deps)` and a headless Chromium with one page open: what a page test starts from. */
export async function browserDashboard(
  deps: Parameters<typeof startDashboard>[0],
): Promise<BrowserDashboard> {
  const server = await startDashboard(deps);
  const ctx = await launchChromium();
  const page = await ctx.newPage();
  return {
    url: server.url,
    ctx,
    page,
    close: async () => {
      await ctx.close();
      server.close();
      await deps.store.close();
    },
  };
}
