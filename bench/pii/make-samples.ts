/**
 * Writes the small shipped samples (deterministic): the demo corpus and the CLI test fixtures.
 *   npx tsx bench/pii/make-samples.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { generateEvalSet } from './dataset.js';

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function jsonl(seed: number, n: number, broken: boolean): string {
  const lines = generateEvalSet(n, seed).map((r, i) =>
    JSON.stringify({
      id: `doc-${String(i + 1).padStart(3, '0')}`,
      source: i % 2 ? 'forum-crawl' : 'licensed-news',
      text: r.text,
      meta: { lang: 'zh', n: i },
    }),
  );
  // malformed entries the command must report by file and line, without losing the rest
  if (broken)
    lines.splice(
      5,
      0,
      '{"id": "doc-broken", "text": 联系人：张伟 手机13812345678',
      '{"id": "doc-no-text", "body": "没有 text 字段"}',
    );
  return `${lines.join('\n')}\n`;
}

mkdirSync('examples/demo/corpus', { recursive: true });
writeFileSync('examples/demo/corpus/pii-sample.jsonl', jsonl(7, 40, true));
mkdirSync('test/fixtures/pii', { recursive: true });
writeFileSync('test/fixtures/pii/records.jsonl', jsonl(11, 60, true));
const txt = generateEvalSet(30, 13).map((r) => r.text);
writeFileSync('test/fixtures/pii/notes.txt', `${txt.join('\n')}\n`);
const rows = generateEvalSet(20, 17).map((r, i) =>
  [String(i + 1), r.text, i % 3 ? 'ok' : 'review'].map(csvCell).join(','),
);
writeFileSync('test/fixtures/pii/tickets.csv', `id,content,status\n${rows.join('\n')}\n`);
console.log(
  'wrote examples/demo/corpus/pii-sample.jsonl and test/fixtures/pii/{records.jsonl,notes.txt,tickets.csv}',
);
