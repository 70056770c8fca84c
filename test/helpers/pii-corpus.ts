import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { tangPoems } from './poems.js';

/** A Chinese resident ID number with a valid check digit (GB 11643), made up from `k`. */
export function idCard(k: number): string {
  const body = `110105${1960 + (k % 40)}${String((k % 12) + 1).padStart(2, '0')}${String((k % 28) + 1).padStart(2, '0')}${String(k % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((n, d, i) => n + Number(d) * (w[i] as number), 0);
  return body + '10X98765432'[sum % 11];
}

const mobile = (k: number): string => `1${3 + (k % 7)}${String((k * 7919) % 1e9).padStart(9, '0')}`;
const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨帆'];

/**
 * A generated corpus in the real shape for queued-vs-local `beian pii`: JSONL records with phone
 * numbers, e-mails, ID numbers and names behind a cue, nested fields and sources, a broken line
 * now and then; a txt file; a CSV (UTF-8, and a copy in GBK) whose quoted cells hold commas, doubled quotes and newlines
 * (so a cut inside a quoted newline would show). Text between findings is chinese-poetry.
 */
export function writePiiCorpus(dir: string, opts: { lines: number; files?: number }): string {
  mkdirSync(dir, { recursive: true });
  const poems = tangPoems();
  const poem = (k: number): string => poems[k % poems.length] as string;
  const files = opts.files ?? 2;
  for (let f = 0; f < files; f++) {
    const rows: string[] = [];
    for (let i = 0; i < opts.lines; i++) {
      const k = f * opts.lines + i;
      if (k % 89 === 11) rows.push(`{"text": "broken ${mobile(k)}`);
      else if (k % 5 === 0)
        rows.push(
          JSON.stringify({
            text: `${poem(k)}联系人：${NAMES[k % NAMES.length]}，电话${mobile(k)}`,
            meta: { email: `user${k}@example.com`, note: `身份证号 ${idCard(k)}` },
            source: `s${k % 3}`,
          }),
        );
      else rows.push(JSON.stringify({ text: poem(k), source: `s${k % 3}` }));
    }
    writeFileSync(join(dir, `part-${f}.jsonl`), `${rows.join('\n')}\n`);
  }
  const txt: string[] = [];
  for (let i = 0; i < opts.lines; i++) txt.push(i % 7 === 0 ? `${poem(i)}请拨打${mobile(i)}` : poem(i));
  writeFileSync(join(dir, 'notes.txt'), `${txt.join('\n')}\n`);
  const csv: string[] = ['id,text,phone,source'];
  for (let i = 0; i < opts.lines; i++) {
    const text =
      i % 4 === 0
        ? `"${poem(i)}，""引文""\n第二行：邮箱 u${i}@example.org\r\n第三行"`
        : i % 4 === 1
          ? `"${poem(i)},逗号"`
          : poem(i);
    csv.push(`${i},${text},${i % 3 === 0 ? mobile(i) : ''},c${i % 2}`);
    if (i % 113 === 50) csv.push('');
  }
  writeFileSync(join(dir, 'table.csv'), `${csv.join('\r\n')}\r\n`);
  // the same table in GBK: a later piece must take the encoding from the file's head
  writeFileSync(join(dir, 'table-gbk.csv'), iconv.encode(`${csv.join('\n')}\n`, 'gbk'));
  // a CSV below any shard size: one whole-file shard
  writeFileSync(join(dir, 'small.csv'), `${csv.slice(0, 40).join('\n')}\n`);
  return dir;
}
