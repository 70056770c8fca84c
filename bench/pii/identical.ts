/**
 * Same answers as another build: runs this tree's `dist/` and another's (BASE=/path/to/dist, e.g.
 * the session-start copy) on the same inputs and compares, byte for byte, the `--json` reports
 * (paths of the output folders made equal), the --findings files and every de-identified file.
 * Inputs: the news-style JSONL of throughput.ts (real sentences read at run time from
 * /work/shared/data, never copied), a CSV made from the same texts (a phone column, quoted cells,
 * a bad row), and a small JSONL of the awkward cases (nested values, keys that are personal
 * information, long integers, CRLF, blank and broken lines). Each with 1 and 2 threads, scan only
 * and --out, every field and --field text.
 *   npm run build && BASE=/tmp/base8/dist npx tsx bench/pii/identical.ts [megabytes=6]
 * Exits 1 on any difference.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeIdCard } from '../../src/pii/generate.js';
import { newsTexts, writeNewsCorpus } from './news-corpus.js';

const base = process.env.BASE ? resolve(process.env.BASE) : undefined;
if (!base) throw new Error('BASE=/path/to/other/dist is required');
const ours = resolve(new URL('../../dist', import.meta.url).pathname);
const mb = Number(process.argv[2] ?? 6);
const dir = join(tmpdir(), `beian-pii-same-${process.pid}`);
mkdirSync(dir, { recursive: true });

const news = join(dir, 'news.jsonl');
writeNewsCorpus(news, mb);

// a CSV of the same texts: a phone column, an ID column, a cell with a quote and a newline, a short row
const csv = join(dir, 'people.csv');
{
  const texts = newsTexts(Math.max(1, mb / 3));
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = ['id,source,text,phone,idno'];
  texts.forEach((t, i) => {
    const phone = i % 5 === 0 ? `13${String(800000000 + i * 7).slice(0, 9)}` : '';
    const idno =
      i % 9 === 0 ? makeIdCard('310104', 1970 + (i % 30), 1 + (i % 12), 1 + (i % 27), i % 900) : '';
    const text = i % 97 === 0 ? `${t}\n他说"你好",联系人：王${'小明'}` : t;
    rows.push(
      i % 501 === 0 ? `${i},news` : [String(i), i % 3 ? 'news' : 'forum', text, phone, idno].map(q).join(','),
    );
  });
  writeFileSync(csv, `${rows.join('\n')}\n`);
}

// the awkward cases, a few hundred times over with the news texts
const mixed = join(dir, 'mixed.jsonl');
{
  const texts = newsTexts(0.3);
  const lines: string[] = [];
  texts.forEach((t, i) => {
    const phone = `139${String(10000000 + i * 13).padStart(8, '0')}`;
    switch (i % 8) {
      case 0:
        lines.push(JSON.stringify({ id: i, meta: { author: { name: '张伟', tel: phone } }, text: t }));
        break;
      case 1:
        lines.push(JSON.stringify({ [phone]: { note: t }, list: [t.slice(0, 20), Number(phone)] }));
        break;
      case 2:
        lines.push(`${JSON.stringify({ text: `联系人：李娜，电话${phone}`, note: `李娜说：${t}` })}\r`);
        break;
      case 3:
        lines.push('');
        lines.push(`{"text": "${t.slice(0, 30)}", broken ${phone}`);
        break;
      case 4:
        lines.push(
          JSON.stringify({
            messages: [
              { role: 'user', content: t },
              { role: 'assistant', content: `a@x.comb@x.com ${phone}` },
            ],
          }),
        );
        break;
      case 5:
        lines.push(JSON.stringify([t]));
        break;
      case 6:
        lines.push(
          JSON.stringify({
            text: t,
            source: i % 3 ? 'weibo' : 'news',
            idno: makeIdCard('110105', 1980, 5, 6, i % 999),
          }),
        );
        break;
      default:
        lines.push(JSON.stringify({ 'a@x.com': 1, note: `a@x.com${phone}`, text: t }));
    }
  });
  writeFileSync(mixed, `${lines.join('\n')}\n`);
}

interface Case {
  name: string;
  input: string;
  jobs: number;
  redact: boolean;
  fields?: string[];
}
const cases: Case[] = [];
for (const input of [news, csv, mixed])
  for (const jobs of [1, 2])
    for (const redact of [false, true])
      for (const fields of [undefined, ['text']])
        cases.push({
          name: `${input.split('/').pop()} jobs ${jobs}${redact ? ' --out' : ''}${fields ? ' --field text' : ''}`,
          input,
          jobs,
          redact,
          ...(fields ? { fields } : {}),
        });

/** One run of a build in its own process; returns the report (JSON text) and its output folder. */
function run(dist: string, c: Case, tag: string): { report: string; out: string; findings: string } {
  const out = join(dir, `out-${tag}`);
  const findings = join(dir, `findings-${tag}.jsonl`);
  rmSync(out, { recursive: true, force: true });
  const options = {
    inputs: [c.input],
    jobs: c.jobs,
    blockBytes: 256 * 1024,
    findingsPath: findings,
    ...(c.redact ? { outDir: out } : {}),
    ...(c.fields ? { fields: c.fields } : {}),
    env: {},
    cwd: dir,
  };
  const script = `import(${JSON.stringify(pathToFileURL(join(dist, 'app/pii/run.js')).href)}).then(async (m) => {
    const r = await m.runPii(${JSON.stringify(options)});
    process.stdout.write(JSON.stringify(r));
  });`;
  // plain node, without the tsx loader this script runs under
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const entry = join(dir, `run-${tag}.mjs`);
  writeFileSync(entry, script);
  const report = execFileSync(process.execPath, [entry], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env,
  }).replaceAll(out, '<out>');
  return { report: report.replaceAll(findings, '<findings>'), out, findings };
}

const files = (d: string): string[] => {
  try {
    return readdirSync(d, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(d.length))
      .sort();
  } catch {
    return [];
  }
};

let differ = 0;
for (const c of cases) {
  const a = run(base, c, 'base');
  const b = run(ours, c, 'ours');
  const problems: string[] = [];
  if (a.report !== b.report) problems.push('report');
  if (!readFileSync(a.findings).equals(readFileSync(b.findings))) problems.push('findings');
  const fa = files(a.out);
  const fb = files(b.out);
  if (fa.join('\n') !== fb.join('\n')) problems.push('output file list');
  else
    for (const f of fa)
      if (!readFileSync(a.out + f).equals(readFileSync(b.out + f))) problems.push(`output ${f}`);
  const report = JSON.parse(b.report) as {
    records: number;
    byType: Record<string, number>;
    redaction?: { residualHigh: number };
  };
  const found = Object.values(report.byType).reduce((x, y) => x + y, 0);
  console.log(
    `${problems.length ? 'DIFFERENT' : 'same     '} ${c.name}: ${report.records} records, ${found} findings${report.redaction ? `, residual high ${report.redaction.residualHigh}` : ''}${problems.length ? ` (${problems.join(', ')})` : ''}`,
  );
  if (problems.length) differ++;
}
rmSync(dir, { recursive: true, force: true });
console.log(
  differ ? `${differ} of ${cases.length} cases differ` : `all ${cases.length} cases byte-identical`,
);
process.exitCode = differ ? 1 : 0;
