/**
 * The real text and keywords the lexicon benchmarks share (e2e.ts, hotloop.ts), so both measure
 * on the same corpus: chinese-poetry paragraphs, the CLUENER train sentences and the Weibo NER
 * messages of ../shared/data/ner (read at run time, never copied); keywords from the konsheng (MIT)
 * and houbb (Apache-2.0) lists, unique, 2+ characters, in a seeded shuffle.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const sharedData = existsSync(join(root, '../shared/data'))
  ? join(root, '../shared/data')
  : '/work/shared/data';

/** One record a line: every text of the three sources, in a fixed order. */
export function realTexts(): string[] {
  const texts: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.json')) {
        const j = JSON.parse(readFileSync(join(d, e.name), 'utf8')) as unknown;
        if (Array.isArray(j))
          for (const p of j as Array<{ paragraphs?: unknown }>)
            if (Array.isArray(p?.paragraphs)) texts.push(p.paragraphs.join(''));
      }
    }
  };
  walk(join(root, 'node_modules/chinese-poetry/dist'));
  for (const l of readFileSync(join(sharedData, 'ner/cluener-train/train.json'), 'utf8').split('\n'))
    if (l.trim()) texts.push((JSON.parse(l) as { text: string }).text);
  let message = '';
  for (const l of readFileSync(
    join(sharedData, 'ner/weibo-ner-train/weiboNER_2nd_conll.train'),
    'utf8',
  ).split('\n')) {
    if (l.trim() === '') {
      if (message) texts.push(message);
      message = '';
    } else message += [...l][0];
  }
  return texts;
}

/** The texts repeated to at least `mb` MiB, one a line (newline-terminated). */
export function corpusOfSize(texts: readonly string[], mb: number): string {
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const t = (texts[i % texts.length] as string).replace(/[\r\n]+/g, ' ');
    out.push(t);
    size += Buffer.byteLength(t) + 1;
  }
  return `${out.join('\n')}\n`;
}

/** Every keyword of the two public lists, unique, 2+ characters, in a seeded shuffle. */
export function keywordPool(): string[] {
  const lexicons = join(sharedData, 'lexicons');
  const words = new Set<string>();
  const addList = (file: string): void => {
    for (const w of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const t = w.trim();
      if ([...t].length >= 2 && !/[\p{Cc}]/u.test(t)) words.add(t);
    }
  };
  for (const f of readdirSync(join(lexicons, 'konsheng/Vocabulary')).sort())
    addList(join(lexicons, 'konsheng/Vocabulary', f));
  addList(join(lexicons, 'houbb/sensitive_word_dict.txt'));
  const pool = [...words];
  let seed = 7;
  const rnd = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let k = pool.length - 1; k > 0; k--) {
    const j = Math.floor(rnd() * (k + 1));
    [pool[k], pool[j]] = [pool[j] as string, pool[k] as string];
  }
  return pool;
}
