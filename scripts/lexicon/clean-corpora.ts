/**
 * Clean text for curating and measuring the keyword library: lines of chinese-poetry (npm), the
 * sentences of CLUENER train and the Weibo NER messages (/work/shared/data/ner). Each corpus is split
 * by a hash of the text into a TUNING part (curation may look at it) and a HOLD-OUT part (only for
 * reported figures; the build never reads it). Read at run time; nothing of it is committed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * `dev` is a fifth of the tuning split that a build run with BEIAN_LEXICON_DEV=1 leaves out, so
 * curation choices can be checked on text the curation did not see without touching the hold-out.
 */
export type Split = 'tuning' | 'holdout' | 'dev';

export interface CleanCorpora {
  poetry: string[];
  cluener: string[];
  weibo: string[];
}

/** FNV-1a of the text: which split a text belongs to does not depend on file order. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
/** one in HOLDOUT_EVERY texts is held out */
const HOLDOUT_EVERY = 5;
export const splitOf = (text: string): Split => {
  const h = hash(text) % HOLDOUT_EVERY;
  return h === 0 ? 'holdout' : h === 1 ? 'dev' : 'tuning';
};

/** The shared data folder: $BEIAN_SHARED_DATA, else ../shared/data (repository) or ../../shared/data (worktree). */
export const SHARED_DATA =
  process.env.BEIAN_SHARED_DATA ??
  [join(process.cwd(), '..', 'shared', 'data'), join(process.cwd(), '..', '..', 'shared', 'data')].find((d) =>
    existsSync(d),
  ) ??
  join(process.cwd(), '..', 'shared', 'data');

function poetryLines(limitFiles: number): string[] {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('chinese-poetry/package.json')), 'dist', 'quantangshi');
  const files = readdirSync(dir)
    .filter((f) => /^poet\.(tang|song)\.\d+\.json$/.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  // every k-th file, so both Tang and Song poets are in
  const step = Math.max(1, Math.floor(files.length / limitFiles));
  const out: string[] = [];
  for (let i = 0; i < files.length && out.length < 2_000_000; i += step) {
    const poems = JSON.parse(readFileSync(join(dir, files[i] as string), 'utf8')) as Array<{
      paragraphs?: string[];
    }>;
    for (const p of poems) for (const l of p.paragraphs ?? []) if (l.trim()) out.push(l.trim());
  }
  return out;
}

function cluener(base: string): string[] {
  return readFileSync(join(base, 'ner', 'cluener-train', 'train.json'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

function weibo(base: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const line of readFileSync(
    join(base, 'ner', 'weibo-ner-train', 'weiboNER_2nd_conll.train'),
    'utf8',
  ).split('\n')) {
    if (line.trim() === '') {
      if (cur) out.push(cur);
      cur = '';
      continue;
    }
    const token = line.split('\t')[0] ?? '';
    cur += token.replace(/\d$/, '');
  }
  if (cur) out.push(cur);
  return out;
}

/** The split of every clean corpus; `poetryFiles` bounds how much poetry is read (each file ~1,000 poems). */
export function loadCleanCorpora(
  split: Split,
  opts: { poetryFiles?: number; base?: string } = {},
): CleanCorpora {
  const base = opts.base ?? SHARED_DATA;
  const withoutDev = process.env.BEIAN_LEXICON_DEV === '1';
  const keep = (xs: string[]) =>
    xs.filter((x) => {
      const s = splitOf(x);
      return s === split || (split === 'tuning' && s === 'dev' && !withoutDev);
    });
  return {
    poetry: keep(poetryLines(opts.poetryFiles ?? 40)),
    cluener: keep(cluener(base)),
    weibo: keep(weibo(base)),
  };
}
