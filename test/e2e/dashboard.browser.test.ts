import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessProject } from '../../src/app/assess.js';
import { determineFilings, makeAssessService } from '../../src/app/filings/determine.js';
import { syncRegistry } from '../../src/app/filings/filings.js';
import { loadKb } from '../../src/kb/index.js';
import { parseProject } from '../../src/project/index.js';
import type { ServerDeps } from '../../src/server/deps.js';
import { verifyAudit } from '../../src/store/filings/index.js';
import type { Store } from '../../src/store/index.js';
import { ARTIFACTS, CHROMIUM, launchChromium, NO_BROWSER } from '../helpers/browser.js';
import { type Dashboard, startDashboard, tempStore } from '../helpers/dashboard.js';
import { memoryRedteam, sampleRun } from '../helpers/memory-redteam.js';

/**
 * The dashboard in real headless Chromium: XSS payloads as service names and model answers must
 * render as text and never execute; the questionnaire, lifecycle moves and verdict overrides work
 * through the forms (CSRF tokens included). Screenshots go to test/artifacts/.
 */
const FIXTURE = new URL('../fixtures/registry/xss.yaml', import.meta.url).pathname;
const kb = loadKb();
const XSS_ANSWER = `<script>window.__xss=5</script><img src=x onerror="window.__xss=6">好的，以下是答案`;

let store: Store;
let ctx: BrowserContext;
let page: Page;
let base = '';
let close: () => void;
const dialogs: string[] = [];

function startServer(deps: Partial<ServerDeps> = {}): Promise<Dashboard> {
  return startDashboard({
    store,
    kb,
    assess: makeAssessService(kb),
    redteam: memoryRedteam(sampleRun('chat'), [
      {
        id: 'r1',
        riskId: 'A.1.1',
        bank: 'should-refuse',
        prompt: '<i>如何</i>……',
        answer: XSS_ANSWER,
        verdict: 'fail',
        judge: 'keyword',
      },
      {
        id: 'r2',
        riskId: 'A.2.5',
        bank: 'should-refuse',
        prompt: '性别歧视问题',
        answer: '抱歉，我不能回答。',
        verdict: 'pass',
        judge: 'refusal',
      },
    ]),
    ...deps,
  });
}

beforeAll(async () => {
  store = await tempStore('beian-web-');
  await syncRegistry(store, kb, {
    config: FIXTURE,
    actor: 'test',
    now: new Date('2026-11-20T00:00:00Z'),
    determine: determineFilings,
  });
  ({ url: base, close } = await startServer());
  ctx = await launchChromium();
  page = await ctx.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});

afterAll(async () => {
  await ctx?.close();
  close?.();
  await store?.close();
});

const xssFired = () => page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss ?? null);

// On a developer's machine without Chromium these tests are skipped with a note; in CI (.ci/run installs
// Debian's chromium) a missing browser is a failure, never a silent skip.
if (NO_BROWSER)
  console.warn(`dashboard browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(NO_BROWSER)('dashboard in Chromium', () => {
  it('renders the overview with hostile service names as text, overdue in red', async () => {
    const res = await page.goto(`${base}/`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    const name = await page.locator('tr[data-service="xss-feed"] td a').first().textContent();
    expect(name).toBe('<script>window.__xss=1</script>推荐');
    expect(await page.locator('tr[data-service="xss-feed"]').getAttribute('class')).toBe('overdue');
    const color = await page
      .locator('#deadlines tr.overdue td')
      .first()
      .evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el)
            .color,
      );
    expect(color).toBe('rgb(192, 57, 43)');
    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });
    await page.goto(`${base}/services/xss-feed`);
    await page.locator('details summary').click();
    expect(await page.locator('main').textContent()).toContain('</pre><script>window.__xss=3</script>');
    expect(await xssFired()).toBeNull();
    await page.click('#lang-switch');
    expect(await page.locator('h2').first().textContent()).toBe('Applicability result');
    await page.goto(`${base}/?lang=zh`);
  });

  it('marks a deadline past the holiday data as approximate on the overview and the service page (#19)', async () => {
    await page.goto(`${base}/?lang=zh`);
    const row = page.locator('#deadlines tr', { hasText: '年末上线的排序服务' }).first();
    expect(await row.textContent()).toContain('2027-');
    expect(await row.textContent()).toContain('估算');
    expect(await page.locator('tr[data-service="late-rank"] [data-approximate="true"]').count()).toBe(1);
    await page.goto(`${base}/services/late-rank`);
    const due = page.locator('[data-approximate="true"]').first();
    expect(await due.textContent()).toContain('估算');
  });

  it('fills the questionnaire and gets the same determination as the CLI engine', async () => {
    await page.goto(`${base}/assess`);
    await page.fill('input[name=id]', 'web-chat');
    await page.fill('input[name=name]', '<script>window.__xss=7</script>网页对话');
    await page.check('input[name=publicMainland][value=yes]');
    await page.check('input[name=publicOpinion][value=yes]');
    await page.check('input[name=functions][value=generate-synthesise]');
    await page.check('input[name=generates][value=text]');
    await page.selectOption('#modelSource', 'self-trained');
    await page.check('input[name=piProcessed][value=yes]');
    await page.click('#assess-submit');
    await page.waitForSelector('#result');
    const web = await page
      .locator('#determination tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-kind'), r.getAttribute('data-status')]));
    const cli = assessProject(
      parseProject(
        `services:\n  - id: web-chat\n    name: x\n    answers: { publicMainland: true, publicOpinion: true, functions: [generate-synthesise], generates: [text], model: { source: self-trained }, personalInfo: { processed: true } }\n`,
        'same.yaml',
      ),
      'zh',
      { kb },
    ).determination.services[0]!.filings.map((f) => [f.kind, f.status]);
    expect(web).toEqual(cli);
    expect(web).toContainEqual(['genai-filing', 'required']);
    expect(await page.locator('input[name=name]').inputValue()).toBe(
      '<script>window.__xss=7</script>网页对话',
    );
    expect(await page.locator('input[name=functions][value=generate-synthesise]').isChecked()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'questionnaire.png'), fullPage: true });
    // A contradiction is refused with the field named, not silently dropped.
    await page.goto(`${base}/assess`);
    await page.check('input[name=functions][value=recommend]');
    await page.check('input[name=generates][value=image]');
    await page.click('#assess-submit');
    const issue = (await page.locator('#issues li').first().textContent()) ?? '';
    expect(issue).toContain('functions');
    // zod's English stays out of the Chinese page: the issue reads in the page's language
    expect(issue.replace(/[\w.[\]-]+:/, '')).toMatch(/^\s*[^A-Za-z]*[\u4e00-\u9fff]/);
    expect(await xssFired()).toBeNull();
  });

  it('moves a filing through its states, refusing a bad number, and records the audit trail', async () => {
    const id = 'xss-feed:rec:algorithm-filing';
    await page.goto(`${base}/filings/${encodeURIComponent(id)}`);
    const move = async (to: string, extra: Record<string, string> = {}) => {
      await page.selectOption('#to', to);
      await page.fill('#by', '王芳');
      for (const [k, v] of Object.entries(extra)) await page.fill(`#${k}`, v);
      await page.click('#transition-form button[type=submit]');
      await page.waitForSelector('#flash');
    };
    await move('preparing');
    await move('submitted');
    await move('under-review');
    await move('filed', { number: 'Beijing-Wrong-20240101' });
    expect(await page.locator('#flash').getAttribute('class')).toBe('error');
    expect(await page.locator('#state').textContent()).toBe('审核中');
    await move('filed', { number: '网信算备110108000000000000001号' });
    expect(await page.locator('#state').textContent()).toBe('已备案');
    expect(await page.locator('.notice').last().textContent()).toContain('显著位置');
    await move('published');
    expect(await page.locator('#state').textContent()).toBe('已公示');
    expect(await page.locator('.timeline tbody tr').count()).toBe(5);
    // Evidence upload: stored by sha256, listed on the filing, downloadable (never rendered).
    const report = Buffer.from('<script>window.__xss=8</script>算法安全自评估报告');
    await page.setInputFiles('input[type=file]', {
      name: '自评估报告.html',
      mimeType: 'text/html',
      buffer: report,
    });
    await page.fill('form[enctype] input[name=by]', '王芳');
    await page.click('form[enctype] button[type=submit]');
    const sha = createHash('sha256').update(report).digest('hex');
    await page.waitForSelector(`a[href="/evidence/${sha}"]`);
    const dl = await fetch(`${base}/evidence/${sha}`);
    expect(dl.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await dl.arrayBuffer()).equals(report)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'filing-lifecycle.png'), fullPage: true });
    await page.goto(`${base}/audit`);
    expect(await page.locator('#chain').getAttribute('class')).toBe('notice');
    expect((await verifyAudit(store.db)).problems).toEqual([]);
  });

  it('shows model answers escaped and lets an editor override a verdict with a comment', async () => {
    await page.goto(`${base}/redteam/run-1`);
    const answer = await page.locator('tr[data-result="r1"] td.answer').nth(1).textContent();
    expect(answer).toBe(XSS_ANSWER);
    const row = page.locator('tr[data-result="r1"]');
    await row.locator('select[name=verdict]').selectOption('pass');
    await row.locator('input[name=comment]').fill('人工复核：回答实为拒答 <b>ok</b>');
    await row.locator('input[name=by]').fill('李华');
    await row.locator('button[type=submit]').click();
    await page.waitForSelector('tr[data-result="r1"] .override-note');
    expect(await page.locator('tr[data-result="r1"] .override-note').textContent()).toContain(
      '人工复核：回答实为拒答 <b>ok</b>',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'redteam-override.png'), fullPage: true });
    expect(await xssFired()).toBeNull();
    expect(dialogs).toEqual([]);
    const audit = await page.goto(`${base}/api/audit/verify`);
    expect(audit).not.toBeNull();
    expect(((await audit!.json()) as { entries: number }).entries).toBeGreaterThan(5);
  });

  it('refuses form posts without the CSRF token, and requests from a foreign Host', async () => {
    const id = encodeURIComponent('chat:llm:genai-filing');
    const r = await fetch(`${base}/filings/${id}/transition`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'to=preparing&by=x',
    });
    expect(r.status).toBe(403);
    // DNS rebinding: a page on another name resolving to 127.0.0.1 sends its own Host header.
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(base);
      request({ host: u.hostname, port: u.port, path: '/', headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  it('with tokens: 401 without one, the token moves into a cookie, viewers cannot write', async () => {
    const s = await startServer({
      auth: { editorToken: 'ed-secret', viewerToken: 'view-secret' },
      loopbackOnly: false,
    });
    try {
      expect((await fetch(`${s.url}/`)).status).toBe(401);
      expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
      const viewer = await ctx.browser()?.newContext();
      const p2 = viewer ? await viewer.newPage() : await ctx.newPage();
      await p2.goto(`${s.url}/?token=view-secret`);
      expect(p2.url()).toBe(`${s.url}/`);
      expect(await p2.locator('header .right').textContent()).toContain('viewer');
      await p2.goto(`${s.url}/filings/${encodeURIComponent('chat:llm:genai-filing')}`);
      expect(await p2.locator('#transition-form').count()).toBe(0);
      const api = await fetch(
        `${s.url}/api/filings/${encodeURIComponent('chat:llm:genai-filing')}/transition`,
        {
          method: 'POST',
          headers: { authorization: 'Bearer view-secret', 'content-type': 'application/json' },
          body: JSON.stringify({ to: 'preparing', by: 'x' }),
        },
      );
      expect(api.status).toBe(403);
      const ok = await fetch(
        `${s.url}/api/filings/${encodeURIComponent('chat:llm:genai-filing')}/transition`,
        {
          method: 'POST',
          headers: { authorization: 'Bearer ed-secret', 'content-type': 'application/json' },
          body: JSON.stringify({ to: 'preparing', by: 'ci' }),
        },
      );
      expect(ok.status).toBe(200);
      await p2.close();
      await viewer?.close();
    } finally {
      s.close();
    }
    expect(readFileSync(join(ARTIFACTS, 'overview.png')).length).toBeGreaterThan(1000);
  });
});
