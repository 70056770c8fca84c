import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { determineFilings, makeAssessService } from '../../src/app/filings/determine.js';
import { syncRegistry } from '../../src/app/filings/filings.js';
import { loadKb } from '../../src/kb/index.js';
import { openStore } from '../../src/store/index.js';
import { ARTIFACTS, NO_BROWSER } from '../helpers/browser.js';
import { browserDashboard } from '../helpers/dashboard.js';
import { memoryRedteam, sampleRun } from '../helpers/memory-redteam.js';

/**
 * Every dashboard page in real headless Chromium, in Chinese and in English: no console errors
 * (an invalid `pattern` under the `v` flag is one), human labels where raw ids used to show, the
 * readiness charts, paging and filters on the portfolio table. Screenshots: test/artifacts/pages-*.png.
 */
const kb = loadKb();
let page: Page;
let base = '';
let close: (() => Promise<void>) | undefined;
const consoleErrors: string[] = [];

/** 120 services, so the portfolio table needs three pages. */
function portfolio(): string {
  const lines = ['version: 1', 'services:'];
  for (let i = 1; i <= 120; i++)
    lines.push(
      `  - id: svc-${String(i).padStart(3, '0')}`,
      `    name: ${i % 2 ? '商品推荐' : '资讯排序'}服务${i}`,
      `    answers: { publicMainland: true, publicOpinion: true, functions: [${i % 2 ? 'recommend' : 'rank'}], launchDate: "2026-0${1 + (i % 9)}-01" }`,
      `    algorithms: [{ id: alg-${i}, name: 算法${i}, types: [${i % 2 ? 'personalized-push' : 'ranking-selection'}] }]`,
    );
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  if (NO_BROWSER) return;
  const dir = mkdtempSync(join(tmpdir(), 'beian-pages-'));
  writeFileSync(join(dir, 'beian.yaml'), portfolio());
  const store = await openStore(join(dir, 'beian.db'));
  await syncRegistry(store, kb, {
    config: join(dir, 'beian.yaml'),
    actor: 'test',
    now: new Date('2026-11-20T00:00:00Z'),
    determine: determineFilings,
  });
  ({
    url: base,
    page,
    close,
  } = await browserDashboard({
    store,
    kb,
    assess: makeAssessService(kb),
    redteam: memoryRedteam(sampleRun('svc-001'), []),
  }));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
});

afterAll(() => close?.());

const PAGES = [
  ['overview', '/'],
  ['questionnaire', '/assess'],
  ['service', '/services/svc-001'],
  ['filing', `/filings/${encodeURIComponent('svc-001:alg-1:algorithm-filing')}`],
  ['kb', '/kb'],
  ['redteam', '/redteam'],
  ['audit', '/audit'],
] as const;

describe.skipIf(NO_BROWSER)('dashboard pages in Chromium, zh and en', () => {
  for (const lang of ['zh', 'en'] as const)
    for (const [name, path] of PAGES)
      it(`${name} (${lang}) renders without console errors`, async () => {
        const sep = path.includes('?') ? '&' : '?';
        const res = await page.goto(`${base}${path}${sep}lang=${lang}`);
        expect(res?.status(), path).toBe(200);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
        await page.screenshot({ path: join(ARTIFACTS, `pages-${name}-${lang}.png`), fullPage: true });
        expect(consoleErrors.splice(0)).toEqual([]);
      });

  it('labels the questionnaire and its result as the CLI does: 必须, titles and citations, no raw ids', async () => {
    await page.goto(`${base}/assess?lang=zh`);
    const form = await page.locator('#assess-form').textContent();
    for (const label of ['调度决策', '电商', '通过 API 调用他人模型']) expect(form).toContain(label);
    for (const raw of ['schedule-decide', 'e-commerce', 'third-party-api']) expect(form).not.toContain(raw);
    // the id pattern is valid under the `v` flag: a bad id is refused by the browser, a good one passes
    await page.fill('input[name=id]', 'Bad Id');
    expect(
      await page
        .locator('input[name=id]')
        .evaluate((el) => (el as unknown as { validity: { valid: boolean } }).validity.valid),
    ).toBe(false);
    await page.fill('input[name=id]', 'shop-feed');
    await page.check('input[name=functions][value=recommend]');
    await page.check('input[name=publicMainland][value=yes]');
    await page.check('input[name=publicOpinion][value=yes]');
    await page.click('#assess-submit');
    await page.waitForSelector('#result');
    const result = await page.locator('#determination').textContent();
    expect(result).toContain('必须');
    expect(result).not.toContain('需要\t');
    expect(result).toContain('《互联网信息服务算法推荐管理规定》');
    expect(result).toContain('个性化推送类');
    expect(result).not.toContain('algorithm-recommendation-provisions');
    expect(result).not.toContain('personalized-push');
    await page.screenshot({ path: join(ARTIFACTS, 'pages-questionnaire-result-zh.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('charts readiness per service and overall as SVG', async () => {
    await page.goto(`${base}/?lang=zh`);
    expect(await page.locator('svg#readiness-total rect').count()).toBeGreaterThan(0);
    expect(await page.locator('#readiness svg g[data-service]').count()).toBe(15);
    expect(await page.locator('#readiness figcaption').textContent()).toContain('已完成');
    expect(await page.locator('#readiness').textContent()).toMatch(/\d+% 已完成/);
    // nothing is attached in this portfolio: every charted service says so
    expect(await page.locator('#readiness').textContent()).toContain('项无证据');
  });

  it('pages and filters the portfolio table without JavaScript', async () => {
    await page.goto(`${base}/?lang=zh`);
    expect(await page.locator('#portfolio tbody tr').count()).toBe(50);
    expect(await page.locator('.pager').first().textContent()).toContain('第 1/3 页 · 共 120 项');
    await page.locator('.pager a[rel=next]').first().click();
    expect(await page.locator('#portfolio tbody tr').count()).toBe(50);
    expect(await page.locator('.pager').first().textContent()).toContain('第 2/3 页');
    await page.goto(`${base}/?lang=zh&page=3`);
    expect(await page.locator('#portfolio tbody tr').count()).toBe(20);
    await page.fill('#portfolio-filters input[name=q]', '资讯排序服务1');
    await page.click('#portfolio-filters button[type=submit]');
    const names = await page.locator('#portfolio tbody tr td:first-child').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toContain('资讯排序服务1');
    await page.screenshot({ path: join(ARTIFACTS, 'pages-overview-filtered-zh.png'), fullPage: true });
  });
});
