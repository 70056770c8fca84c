import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAssessService } from '../../src/app/filings/determine.js';
import { addToSummary, type CheckSummary, type FileCheck } from '../../src/app/label/run.js';
import { openLabelRunLog } from '../../src/app/label/save.js';
import { loadKb } from '../../src/kb/index.js';
import { ARTIFACTS, NO_BROWSER } from '../helpers/browser.js';
import { browserDashboard, tempStore } from '../helpers/dashboard.js';

/** The labels page in real Chromium: saved check runs per service; file names render as text. */
const kb = loadKb();
const XSS = '<img src=x onerror="window.__xss=7">.png';
let ctx: BrowserContext;
let base = '';
let close: (() => Promise<void>) | undefined;

const result = (file: string, ok: boolean): FileCheck => ({
  file,
  format: 'png',
  kind: 'image',
  ok,
  implicit: ok
    ? { ok, present: true, issues: [] }
    : { ok, present: false, issues: [{ severity: 'error', code: 'absent' }] },
  explicit: 'n/a',
});

beforeAll(async () => {
  const store = await tempStore('beian-labels-web-');
  const log = await openLabelRunLog(store, {
    inputs: ['/out'],
    service: 'writer-app',
    platform: false,
    now: new Date('2026-11-30T08:00:00Z'),
  });
  const summary: CheckSummary = { total: 0, passed: 0, failed: 0, byFormat: {} };
  for (const r of [result('/out/a.png', true), result(`/out/${XSS}`, false)]) {
    addToSummary(summary, r);
    await log.add(r);
  }
  await log.finish(summary);
  ({
    url: base,
    ctx,
    close,
  } = await browserDashboard({
    store,
    kb,
    clock: () => new Date('2026-12-01T02:00:00Z'),
    assess: makeAssessService(kb),
  }));
});

afterAll(() => close?.());

describe.skipIf(NO_BROWSER)('labels page in Chromium', () => {
  it('lists the latest run per service with its failing files, escaped', async () => {
    const page = await ctx.newPage();
    await page.goto(`${base}/labels`);
    const section = page.locator('section.label-run[data-service="writer-app"]');
    await expect(section.locator('h2').textContent()).resolves.toBe('writer-app');
    await expect(section.textContent()).resolves.toContain('共 2 个文件：通过 1，未通过 1');
    const cells = await section.locator('table.label-failures td').allTextContents();
    expect(cells[0]).toBe(`/out/${XSS}`);
    expect(cells).toContain('没有隐式标识');
    expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss ?? null)).toBeNull();
    await expect(page.locator('nav a[href="/labels"]').textContent()).resolves.toBe('内容标识');
    await page.screenshot({ path: join(ARTIFACTS, 'labels.png'), fullPage: true });
    await page.close();
  });
});
