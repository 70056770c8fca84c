import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const fixture = (name: string) => resolve('test/fixtures/assess', name);
const tmp = () => mkdtempSync(join(tmpdir(), 'beian-assess-'));

interface View {
  services: {
    id: string;
    filings: {
      kind: string;
      status: string;
      algorithmTypes?: string[];
      reasons: { ruleId: string; text: string; citation: { source: string } }[];
      materials: unknown[];
      timeline: { minMonths: number | null; maxMonths: number | null };
    }[];
    toClarify: unknown[];
  }[];
  missing: { service: string; kind: string }[];
}

describe('beian assess', () => {
  it('answers the worked cases with the JSON contract, saves to --db, and exits 1 for unrecorded required filings', () => {
    const dir = tmp();
    const r = runCli([
      'assess',
      '--input',
      fixture('worked-cases.yaml'),
      '--json',
      '--db',
      join(dir, 'x.db'),
    ]);
    expect(r.code).toBe(1);
    const view = JSON.parse(r.stdout) as View;
    const feed = view.services.find((s) => s.id === 'short-video-feed')!;
    const alg = feed.filings.find((f) => f.kind === 'algorithm-filing')!;
    expect(alg).toMatchObject({
      status: 'required',
      algorithmTypes: ['personalized-push'],
      timeline: { minMonths: 1, maxMonths: 3 },
    });
    expect(alg.reasons[0]).toMatchObject({
      ruleId: 'ALG-PUBLIC-OPINION',
      citation: { source: 'algorithm-recommendation-provisions' },
    });
    expect(typeof alg.reasons[0]?.text).toBe('string');
    expect(feed.filings.map((f) => f.kind)).toEqual([
      'algorithm-filing',
      'deep-synthesis-filing',
      'genai-filing',
      'genai-registration',
      'public-opinion-assessment',
      'data-export-assessment',
    ]);
    expect(view.missing).toContainEqual({ service: 'chatgpt-like', kind: 'genai-filing' });
  });

  it('exits 0 when every required filing has its number recorded', () => {
    const dir = tmp();
    const file = join(dir, 'beian.yaml');
    writeFileSync(
      file,
      `services:\n  - id: feed\n    name: feed\n    answers: { publicMainland: true, publicOpinion: true, functions: [recommend], generates: [], personalInfo: { processed: false } }\n    algorithms: [{ id: rec, name: rec, filingNumber: 网信算备110108123456701250011号 }]\n`,
    );
    const r = runCli(['assess', '--input', file, '--no-save']);
    expect(r.stdout).toContain('所有“必须”的备案均已记录备案编号');
    expect(r.code).toBe(0);
  });

  it('rejects bad input naming the file, line and field path, exit 2, no stack trace', () => {
    const r = runCli(['assess', '--input', fixture('invalid.yaml'), '--no-save']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid\.yaml:6:23 services\[0\]\.answers\.publicMainland/);
    expect(r.stderr).toContain('services[0].answers.functions[1]');
    // zh (the default): zod's issues and the headline come from the catalogue, no English left;
    // an unknown key is located at the key itself (line and column)
    expect(r.stderr).toContain('invalid.yaml:10:7 services[0].answers.colour: 未知字段“colour”');
    expect(r.stderr).toContain('不符合 beian.yaml 的格式要求');
    expect(r.stderr).not.toMatch(/Unrecognized key|unknown key|does not match/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const en = runCli(['--lang', 'en', 'assess', '--input', fixture('invalid.yaml'), '--no-save']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('invalid.yaml:10:7 services[0].answers.colour: unknown key "colour"');
    expect(en.stderr).toContain('does not match the beian.yaml schema');
  });

  it('reports contradictory answers by field', () => {
    const dir = tmp();
    const file = join(dir, 'c.json');
    writeFileSync(
      file,
      JSON.stringify({
        services: [{ id: 'c', name: 'c', answers: { functions: ['generate-synthesise'], generates: [] } }],
      }),
    );
    const r = runCli(['assess', '--input', file, '--no-save']);
    expect(r.code).toBe(2);
    // in the user's language: the refinement names its catalogue text
    expect(r.stderr).toContain(
      'services[0].answers.generates: 矛盾：functions 含 generate-synthesise，但 generates 为空',
    );
    const en = runCli(['--lang', 'en', 'assess', '--input', file, '--no-save']);
    expect(en.stderr).toContain('services[0].answers.generates: contradiction');
  });

  it('refuses to guess without input when not interactive', () => {
    const r = runCli(['assess', '--no-save']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--input');
  });

  it('writes an escaped HTML report and a Markdown report in English', () => {
    const dir = tmp();
    const file = join(dir, 'x.yaml');
    writeFileSync(
      file,
      `services:\n  - id: xss\n    name: "<img src=x onerror=alert(1)>"\n    answers: { publicMainland: false }\n`,
    );
    const r = runCli(['--lang', 'en', 'assess', '--input', file, '--out', join(dir, 'r.html'), '--no-save']);
    expect(r.code).toBe(0);
    const page = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('Filing applicability assessment');
    runCli(['assess', '--input', file, '--out', join(dir, 'r.md'), '--no-save']);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toContain('# 备案适用性评估');
    expect(runCli(['assess', '--input', file, '--out', join(dir, 'r.pdf'), '--no-save']).code).toBe(2);
  });
});

describe('beian demo', () => {
  it('assesses the shipped portfolio and leaves a report to open', () => {
    const dir = tmp();
    // no Chromium: the materials step skips its PDFs, which keeps this test fast (PDFs: test/e2e/materials.test.ts)
    const r = runCli(['demo', '--json'], { cwd: dir, env: { BEIAN_CHROMIUM: '/nonexistent' } });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { index: string; steps: { id: string; ok: boolean }[] };
    expect(result.steps.find((s) => s.id === 'assess')?.ok).toBe(true);
    expect(result.steps.find((s) => s.id === 'materials')?.ok).toBe(true);
    expect(readFileSync(result.index, 'utf8')).toContain('materials/genai-security-assessment.docx');
    expect(readFileSync(result.index, 'utf8')).toContain('assessment.html');
    const view = JSON.parse(readFileSync(join(dir, 'demo-output', 'assessment.json'), 'utf8')) as View;
    expect(view.services.map((s) => s.id)).toEqual([
      'video-feed',
      'shop-search',
      'chat-assistant',
      'writing-app',
    ]);
    const writing = view.services.find((s) => s.id === 'writing-app')!;
    expect(writing.filings.find((f) => f.kind === 'genai-registration')?.status).toBe('required');
    expect(readFileSync(join(dir, '.beian', 'beian.db')).length).toBeGreaterThan(0);
  });
});
