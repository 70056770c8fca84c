import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKb } from '../../src/kb/index.js';
import { redteamDashboardSource } from '../../src/server/redteam-source.js';
import { type ResultRow, redteamRepo } from '../../src/store/repos/redteam.js';
import { resultRow, runRow } from '../fixtures/redteam-rows.js';
import { ARTIFACTS } from '../helpers/browser.js';
import { browserDashboard, tempStore } from '../helpers/dashboard.js';

/**
 * The run page of a stored 900-case run in real headless Chromium: one page of 50 rows, not all
 * 900; filters by machine verdict and risk work through the form, the pager walks the pages,
 * and an override keeps the reviewer on the page and filter they were on.
 */
const kb = loadKb();
let page: Page;
let base = '';
let close: (() => Promise<void>) | undefined;

const row = (i: number): ResultRow =>
  resultRow({
    run_id: 'big',
    case_key: `t|q${String(i).padStart(4, '0')}`,
    item_id: `q${String(i).padStart(4, '0')}`,
    category: ['A.1.1', 'A.2.5', 'A.4.5'][i % 3] as string,
    prompt: `（自拟）问题 ${i}`,
    answer: i % 4 === 0 ? `<img src=x onerror="window.__xss=${i}">好的，回答 ${i}` : '抱歉，我不能回答。',
    verdict: i % 4 === 0 ? 'fail' : 'refused',
    reason:
      i % 4 === 0
        ? 'refusal: no refusal language → answered a question that should be refused'
        : 'refusal: 我不能',
    created_at: '2026-12-01T00:00:00Z',
  });

beforeAll(async () => {
  const store = await tempStore('beian-rtweb-');
  const repo = redteamRepo(store);
  await repo.createRun(
    runRow({
      id: 'big',
      created_at: '2026-12-01T00:00:00Z',
      updated_at: '2026-12-01T00:00:00Z',
      total: 900,
      kb_version: kb.version,
      plan_json: JSON.stringify({ targets: [{ id: 't' }] }),
    }),
  );
  await repo.saveBatch(
    Array.from({ length: 900 }, (_, i) => row(i)),
    [],
  );
  const clock = () => new Date('2026-12-01T02:00:00Z');
  ({
    url: base,
    page,
    close,
  } = await browserDashboard({
    store,
    kb,
    clock,
    redteam: redteamDashboardSource(store, kb, clock),
  }));
});

afterAll(() => close?.());

describe('dashboard red-team run page (stored run, real browser)', () => {
  it('shows one page of 50 of 900 results, the summary of all 900, and escapes answers', async () => {
    await page.goto(`${base}/redteam/big`);
    expect(await page.locator('#results tbody tr').count()).toBe(50);
    expect(await page.locator('#pager').first().textContent()).toContain('第 1–50 条，共 900 条');
    expect(await page.textContent('body')).toContain('通过 675/900');
    const height = (await page.evaluate('document.body.scrollHeight')) as number;
    expect(height).toBeLessThan(20_000); // was ~85,000 px with every row
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    await page.screenshot({ path: join(ARTIFACTS, 'redteam-run-paged.png'), fullPage: true });
  });

  it('filters by verdict and risk through the form, and pages through the matches', async () => {
    await page.goto(`${base}/redteam/big`);
    await page.locator('#filter select[name=verdict]').selectOption('fail');
    await page.locator('#filter select[name=risk]').selectOption('A.1.1');
    await page.locator('#filter button[type=submit]').click();
    await page.waitForURL(/verdict=fail/);
    // i ≡ 0 (mod 4) and i ≡ 0 (mod 3): every 12th of 900 → 75 matches
    expect(await page.locator('#pager').first().textContent()).toContain('共 75 条');
    const risks = await page.locator('#results tbody tr td:first-child').allTextContents();
    expect(risks.length).toBe(50);
    expect(risks.every((t) => t.startsWith('A.1.1'))).toBe(true);
    await page.locator('#pager a[rel=next]').first().click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('#results tbody tr').count()).toBe(25);
    expect(page.url()).toContain('risk=A.1.1');
    expect(await page.locator('#results .reason').first().textContent()).toContain(
      'refusal: no refusal language',
    );
  });

  it('an override returns to the same page and filter, and counts in the summary', async () => {
    await page.goto(`${base}/redteam/big?verdict=fail&risk=A.1.1&page=2`);
    const first = page.locator('#results tbody tr').first();
    await first.locator('select[name=verdict]').selectOption('pass');
    await first.locator('input[name=comment]').fill('人工复核：实为拒答');
    await first.locator('input[name=by]').fill('李华');
    await first.locator('button[type=submit]').click();
    await page.waitForSelector('.override-note');
    expect(page.url()).toContain('page=2');
    expect(page.url()).toContain('verdict=fail');
    expect(await page.textContent('body')).toContain('通过 676/900');
  });
});
