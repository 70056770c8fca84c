import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKb } from '../../src/kb/index.js';
import { CSP } from '../../src/server/security.js';
import { saveInterceptions } from '../../src/store/repos/guard.js';
import { ARTIFACTS, NO_BROWSER } from '../helpers/browser.js';
import { browserDashboard, tempStore } from '../helpers/dashboard.js';

/** The guard page in real headless Chromium: SVG chart, tables, hostile keywords rendered as text. */
const XSS = '<img src=x onerror="window.__xss=1">紫色暗号';

let ctx: BrowserContext;
let base = '';
let close: (() => Promise<void>) | undefined;

/** One stored interception by the input filter (a keyword of the own list), on a day of November. */
const hit = (day: string, action: string, userHash?: string) => ({
  at: new Date(`2026-11-${day}T03:00:00Z`),
  direction: 'input',
  risk: 'A.1.8',
  keyword: XSS,
  keywordId: 'own.txt:2',
  action,
  userHash,
  excerpt: '',
});

beforeAll(async () => {
  if (NO_BROWSER) return;
  const store = await tempStore('beian-guard-web-');
  await saveInterceptions(store, [
    hit('20', 'block', 'aaaa1111'),
    {
      ...hit('20', 'mask'),
      direction: 'output',
      risk: 'A.2.5',
      keyword: '蓝莓歧视语',
      keywordId: 'own.txt:4',
    },
    hit('22', 'block', 'bbbb2222'),
    hit('22', 'suspend', 'bbbb2222'),
  ]);
  ({
    url: base,
    ctx,
    close,
  } = await browserDashboard({
    store,
    kb: loadKb(),
    clock: () => new Date('2026-11-25T00:00:00Z'),
  }));
});

afterAll(() => close?.());

describe.skipIf(NO_BROWSER)('dashboard guard page (Chromium)', () => {
  it('charts interceptions per day and risk, lists top keywords and suspended users, runs no script', async () => {
    const page = await ctx.newPage();
    const res = await page.goto(`${base}/guard`);
    expect(res?.headers()['content-security-policy']).toBe(CSP);
    expect(await page.locator('#guard-per-day rect').count()).toBe(3);
    expect(await page.locator('#guard-per-day title').first().textContent()).toContain('2026-11-20 A.1.8: 1');
    const keywords = await page.locator('#guard-keywords tbody tr').allTextContents();
    expect(keywords[0]).toContain(XSS);
    expect(keywords[0]).toContain('own.txt:2');
    expect(await page.locator('#guard-suspended tbody tr').allTextContents()).toEqual([
      expect.stringContaining('bbbb2222'),
    ]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('运行时拦截');
    await page.screenshot({ path: join(ARTIFACTS, 'guard.png'), fullPage: true });
    await page.close();
  });
});
