import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKb } from '../../src/kb/index.js';
import { CSP } from '../../src/server/security.js';
import { openStore, type Store } from '../../src/store/index.js';
import { saveInterceptions } from '../../src/store/repos/guard.js';
import { ARTIFACTS, launchChromium, NO_BROWSER } from '../helpers/browser.js';
import { startDashboard } from '../helpers/dashboard.js';

/** The guard page in real headless Chromium: SVG chart, tables, hostile keywords rendered as text. */
const XSS = '<img src=x onerror="window.__xss=1">紫色暗号';

let store: Store;
let ctx: BrowserContext;
let base = '';
let close: () => void;

beforeAll(async () => {
  store = await openStore(join(mkdtempSync(join(tmpdir(), 'beian-guard-web-')), 'beian.db'));
  const at = (d: string) => new Date(`2026-11-${d}T03:00:00Z`);
  await saveInterceptions(store, [
    {
      at: at('20'),
      direction: 'input',
      risk: 'A.1.8',
      keyword: XSS,
      keywordId: 'own.txt:2',
      action: 'block',
      userHash: 'aaaa1111',
      excerpt: '',
    },
    {
      at: at('20'),
      direction: 'output',
      risk: 'A.2.5',
      keyword: '蓝莓歧视语',
      keywordId: 'own.txt:4',
      action: 'mask',
      userHash: undefined,
      excerpt: '',
    },
    {
      at: at('22'),
      direction: 'input',
      risk: 'A.1.8',
      keyword: XSS,
      keywordId: 'own.txt:2',
      action: 'block',
      userHash: 'bbbb2222',
      excerpt: '',
    },
    {
      at: at('22'),
      direction: 'input',
      risk: 'A.1.8',
      keyword: XSS,
      keywordId: 'own.txt:2',
      action: 'suspend',
      userHash: 'bbbb2222',
      excerpt: '',
    },
  ]);
  ({ url: base, close } = await startDashboard({
    store,
    kb: loadKb(),
    clock: () => new Date('2026-11-25T00:00:00Z'),
  }));
  if (!NO_BROWSER) ctx = await launchChromium();
});

afterAll(async () => {
  await ctx?.close();
  close?.();
  await store?.close();
});

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
