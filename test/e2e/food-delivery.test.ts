import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKb } from '../../src/kb/index.js';
import { runCli } from '../helpers/cli.js';

/**
 * Issue #19 as a new user meets it: a food-delivery company with a dispatch algorithm and a
 * customer-service chatbot on a filed model, and the four demo services. `assess` and `materials`
 * must agree: every material of a filing assess calls required or likely is a generated document or
 * listed as external, and no document belongs to a filing assess says is not needed.
 */
process.env.BEIAN_DB = join(tmpdir(), 'beian-food-delivery-no-store', 'none.db');
const kb = loadKb();
const FOOD = 'examples/food-delivery/beian.yaml';
const DEMO = 'examples/demo/beian.yaml';

interface View {
  services: { id: string; filings: { kind: string; status: string; materials: { id: string }[] }[] }[];
  company: { kind: string; status: string; required: string[]; likely: string[] }[];
}

function assess(file: string): View {
  const r = runCli(['assess', '--input', file, '--json', '--no-save']);
  expect([0, 1]).toContain(r.code);
  return JSON.parse(r.stdout) as View;
}

function materials(file: string, service?: string) {
  const out = mkdtempSync(join(tmpdir(), 'beian-fd-'));
  const r = runCli([
    'materials',
    '--config',
    file,
    '--out',
    out,
    '--format',
    'md',
    '--json',
    '--no-store',
    ...(service ? ['--service', service] : []),
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as {
    documents: { id: string; files: string[] }[];
    external: { service: string; kind: string; material: string }[];
  };
  return { ...json, out };
}

const docOf = (kind: string, material: string) =>
  kb.filingKinds.find((k) => k.id === kind)?.materials.find((m) => m.id === material)?.document;

describe.each([
  ['food-delivery', FOOD, ['rider-dispatch', 'support-bot']],
  ['demo', DEMO, ['video-feed', 'shop-search', 'chat-assistant', 'writing-app']],
])('%s: assess and materials agree', (_name, file, services) => {
  const view = assess(file);
  it.each(services)('%s', (service) => {
    const m = materials(file, service);
    const produced = new Set(m.documents.map((d) => d.id));
    const s = view.services.find((x) => x.id === service)!;
    const expected = new Set<string>();
    const external = new Set<string>();
    for (const f of s.filings) {
      if (f.status === 'not-required') {
        expect(f.materials).toEqual([]);
        continue;
      }
      for (const mat of f.materials) {
        const doc = docOf(f.kind, mat.id);
        if (doc) expected.add(doc);
        else external.add(`${f.kind}/${mat.id}`);
      }
    }
    expect([...produced].sort()).toEqual([...expected].sort());
    expect(new Set(m.external.map((e) => `${e.kind}/${e.material}`))).toEqual(external);
  });
});

describe('food-delivery determinations (#19)', () => {
  const view = assess(FOOD);
  const status = (svc: string, kind: string) =>
    view.services.find((s) => s.id === svc)?.filings.find((f) => f.kind === kind)?.status;

  it('the chatbot registers (登记) and gets the whole registration set', () => {
    expect(status('support-bot', 'genai-registration')).toBe('required');
    expect(status('support-bot', 'genai-filing')).toBe('not-required');
    const ids = materials(FOOD, 'support-bot').documents.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'genai-registration-form',
        'genai-api-agreement',
        'genai-registration-display',
      ]),
    );
  });

  it('the display duty names the filed model and that model’s filing number; Shanghai adds the launch number', () => {
    const m = materials(FOOD, 'support-bot');
    const text = readFileSync(join(m.out, 'genai-registration-display.md'), 'utf8');
    expect(text).toContain('某已备案大模型');
    expect(text).toContain('Beijing-DeepseekChat-202404280016');
    expect(text).toContain('本应用的上线编号');
  });

  it('the company summary shows each service under its own status', () => {
    const r = runCli(['assess', '--input', FOOD, '--no-save']);
    const row = r.stdout.split('\n').find((l) => l.startsWith('安全评估（舆论属性'))!;
    expect(row).toContain('必须：rider-dispatch');
    expect(row).toContain('可能需要：support-bot');
    const po = view.company.find((c) => c.kind === 'public-opinion-assessment')!;
    expect(po).toMatchObject({ required: ['rider-dispatch'], likely: ['support-bot'] });
  });

  it('the dispatch algorithm’s self-assessment covers workers’ rights without any `groups`', () => {
    const m = materials(FOOD, 'rider-dispatch');
    const text = readFileSync(join(m.out, 'algorithm-self-assessment.md'), 'utf8');
    for (const w of ['订单分配规则', '报酬构成及支付', '工作时间与休息', '奖惩规则'])
      expect(text).toContain(w);
    expect(text).toContain('第二十条');
  });

  it('an invalid USCC stops assess and materials with exit 2 naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-fd-bad-'));
    const bad = join(dir, 'beian.yaml');
    writeFileSync(bad, readFileSync(FOOD, 'utf8').replace('91310115MA1K4ABC18', '91310115MA1K4ABC1X'));
    for (const args of [
      ['assess', '--input', bad, '--no-save'],
      ['materials', 'check', '--config', bad, '--no-store'],
    ]) {
      const r = runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('organisation.uscc');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('a deadline past the holiday data is marked approximate in text, JSON and ICS', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'beian-fd-dl-'));
    copyFileSync(FOOD, join(cwd, 'beian.yaml'));
    expect(runCli(['registry', 'sync'], { cwd }).code).toBe(0);
    const json = runCli(['deadlines', '--json', '--today', '2026-12-01', '--ics', 'due.ics'], { cwd });
    const parsed = JSON.parse(json.stdout) as {
      due: { service: string; dueDate: string; approximate: boolean }[];
      approximate: string[];
    };
    const dispatch = parsed.due.find((d) => d.service === 'rider-dispatch')!;
    expect(dispatch.dueDate.startsWith('2027-')).toBe(true);
    expect(dispatch.approximate).toBe(true);
    expect(parsed.approximate.length).toBeGreaterThan(0);
    const ics = readFileSync(join(cwd, 'due.ics'), 'utf8').replace(/\r\n /g, '');
    expect(ics).toContain('X-BEIAN-APPROXIMATE:TRUE');
    expect(ics).toMatch(/SUMMARY:≈ /);
    const text = runCli(['deadlines', '--today', '2026-12-01'], { cwd }).stdout;
    expect(text).toContain(`≈ ${dispatch.dueDate}`);
    expect(text).toMatch(/仅按周末计算/);
  });
});
