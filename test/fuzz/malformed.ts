import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The malformed-input corpus of issue #21, generated (never committed): every file a reader must
 * survive. Each case names the command to run, the files it reads and what must still be counted.
 */
export interface FuzzCase {
  id: string;
  /** which reader the case exercises (for the per-reader counts in the closing note) */
  reader: string;
  args: string[];
  /** planted valid records the command must still count (checked against its --json output) */
  planted?: { count: number; path: readonly string[] };
  /** exit codes a correct program may give (70, signals and timeouts are never allowed) */
  exits: readonly number[];
}

const CLEAN = '这是一条正常的训练语料，讲述城市公园里的春天。';

function lines(n: number, make: (i: number) => string): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `${make(i)}\n`;
  return s;
}

function jsonl(n: number): string {
  return lines(n, (i) => JSON.stringify({ id: i, text: `${CLEAN}${i}` }));
}

function nested(depth: number): string {
  return `{"text":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** A YAML "billion laughs": nine levels of aliases, each repeating the last nine times. */
function aliasBomb(): string {
  let s = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i <= 9; i++) {
    const refs = Array.from({ length: 9 }, () => `*a${i - 1}`).join(',');
    s += `a${i}: &a${i} [${refs}]\n`;
  }
  return `${s}services: *a9\n`;
}

/** Writes the corpus under `dir` and returns the cases that read it. */
export function makeMalformedCorpus(dir: string): FuzzCase[] {
  mkdirSync(dir, { recursive: true });
  const f = (name: string, data: string | Uint8Array): string => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const cases: FuzzCase[] = [];
  const scanJson = (id: string, file: string, planted?: number, extra: string[] = []): void => {
    cases.push({
      id: `scan/${id}`,
      reader: 'corpus (scan)',
      args: ['scan', file, '--json', ...extra],
      exits: [0, 1, 2],
      ...(planted === undefined ? {} : { planted: { count: planted, path: ['records'] } }),
    });
  };
  const piiJson = (id: string, file: string, planted?: number, extra: string[] = []): void => {
    cases.push({
      id: `pii/${id}`,
      reader: 'corpus (pii --redact)',
      args: ['pii', file, '--json', '--no-save', '--redact', '--out', join(dir, `redacted-${id}`), ...extra],
      exits: [0, 1, 2],
      ...(planted === undefined ? {} : { planted: { count: planted, path: ['records'] } }),
    });
  };

  // gzip: truncated stream and a decompression bomb
  const gz = gzipSync(Buffer.from(jsonl(2000)));
  const truncated = f('truncated.jsonl.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
  scanJson('truncated-gz', truncated);
  piiJson('truncated-gz', truncated);
  const truncatedCsv = f(
    'truncated.csv.gz',
    gzipSync(Buffer.from(`text\n${lines(2000, (i) => `${CLEAN}${i}`)}`)).subarray(0, 900),
  );
  scanJson('truncated-csv-gz', truncatedCsv);
  // ~1 GiB of newlines and letters compressed to about a megabyte
  const bombChunk = Buffer.alloc(64 * 1024 * 1024, 'a\n');
  const bomb = f(
    'bomb.txt.gz',
    gzipSync(Buffer.concat(Array.from({ length: 16 }, () => bombChunk)), { level: 9 }),
  );
  scanJson('gzip-bomb', bomb);
  piiJson('gzip-bomb', bomb);

  // JSON nesting that overflows a recursive parser, between valid lines
  const deep = f('deep.jsonl', `${jsonl(100)}${nested(200_000)}\n${jsonl(100)}`);
  scanJson('deep-jsonl', deep, 200);
  piiJson('deep-jsonl', deep, 200);

  // one 100 MB line between valid ones
  const huge = `${jsonl(50)}{"text":"${'长'.repeat(35_000_000)}"}\n${jsonl(50)}`;
  scanJson('huge-line', f('huge-line.jsonl', huge), 100);
  const hugeCsv = `text,other\n${lines(50, (i) => `${CLEAN}${i},x`)}"${'长'.repeat(35_000_000)}",x\n${lines(50, (i) => `${CLEAN}${i},y`)}`;
  piiJson('huge-csv-line', f('huge-line.csv', hugeCsv), 100);

  // CSV: a bad quote in the middle must not swallow the rest of the file
  const badQuote = `text,source\n${lines(500, (i) => `${CLEAN}${i},a`)}"坏引号"后面,a\n${lines(500, (i) => `${CLEAN}${i},b`)}`;
  const badQuoteFile = f('bad-quote.csv', badQuote);
  scanJson('csv-bad-quote', badQuoteFile, 1000);
  piiJson('csv-bad-quote', badQuoteFile, 1000);
  const unbalanced = `text,source\n${lines(500, (i) => `${CLEAN}${i},a`)}"没有结束的引号,a\n${lines(500, (i) => `${CLEAN}${i},b`)}`;
  const unbalancedFile = f('unbalanced-quote.csv', unbalanced);
  scanJson('csv-unbalanced-quote', unbalancedFile, 1000);
  piiJson('csv-unbalanced-quote', unbalancedFile, 1000);
  // the header is the first row, even when the first data row is short
  const shortFirst = `text,source,extra\n短\n${lines(999, (i) => `${CLEAN}${i},s,e`)}`;
  scanJson('csv-short-first-row', f('short-first.csv', shortFirst), 999);

  // fairness decision logs: unbalanced quote, mixed delimiters, deep JSONL
  const priceCase = (id: string, file: string, planted: number): void => {
    const mapping = ['--item', 'sku', '--price', 'price', '--group', 'user_type'];
    cases.push({
      id,
      reader: 'decision log (audit)',
      args: ['audit', 'price', file, ...mapping, '--json', '--no-save'],
      exits: [0, 1, 2],
      planted: { count: planted, path: ['validRows'] },
    });
  };
  const priceRows = (n: number, from = 0): string =>
    lines(n, (i) => `sku${(from + i) % 20},${100 + ((from + i) % 7)},${(from + i) % 2 ? 'new' : 'old'}`);
  const priceQuote = f(
    'price-quote.csv',
    `sku,price,user_type\n${priceRows(10_000)}"sku1,100,new\n${priceRows(10_000, 10_000)}`,
  );
  priceCase('audit-price/unbalanced-quote', priceQuote, 20_000);
  const mixed = f(
    'price-mixed.csv',
    `sku,price,user_type\n${priceRows(300)}${lines(300, (i) => `sku${i % 20}\t${100 + (i % 7)}\tnew`)}${priceRows(300, 300)}`,
  );
  priceCase('audit-price/mixed-delimiters', mixed, 600);
  const priceJsonl = (n: number): string =>
    lines(n, (i) =>
      JSON.stringify({ sku: `sku${i % 20}`, price: 100 + (i % 7), user_type: i % 2 ? 'new' : 'old' }),
    );
  const deepLog = f('price-deep.jsonl', `${priceJsonl(1000)}${nested(50_000)}\n${priceJsonl(1000)}`);
  priceCase('audit-price/deep-jsonl', deepLog, 2000);

  // YAML: alias bombs, undefined aliases, a 100 MB document
  for (const [name, text] of [
    ['alias-bomb', aliasBomb()],
    ['undefined-alias', 'services: *nowhere\n'],
    ['huge', `services:\n  - id: x\n    name: "${'名'.repeat(35_000_000)}"\n`],
  ] as const) {
    const file = f(`${name}.yaml`, text);
    cases.push({
      id: `assess/${name}`,
      reader: 'project file (YAML)',
      args: ['assess', '--input', file, '--json'],
      exits: [2],
    });
    cases.push({
      id: `sources/${name}`,
      reader: 'source ledger (YAML)',
      args: ['sources', 'check', '--ledger', file, '--json'],
      exits: [2],
    });
  }

  // compiled keyword libraries: truncated, zeroed lengths, random bytes; and lexicons of bad rows
  const sample = f('sample.txt', `${CLEAN}\n免费色情网站\n`);
  const magic = Buffer.from('BEIANLX1');
  const corrupt: Array<[string, Buffer]> = [
    ['zero', Buffer.concat([magic, Buffer.alloc(4096)])],
    ['ones', Buffer.concat([magic, Buffer.alloc(4096, 0xff)])],
    [
      'random',
      Buffer.concat([magic, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 2654435761) >>> 24))]),
    ],
    ['text', Buffer.concat([magic, Buffer.from('{"length":"many","float":1.5}'.repeat(64))])],
  ];
  for (const [name, bytes] of corrupt) {
    const lx = f(`corrupt-${name}.beianlx`, bytes);
    cases.push({
      id: `lexicon-test/beianlx-${name}`,
      reader: 'compiled library (.beianlx)',
      args: ['lexicon', 'test', sample, '--lexicon', lx, '--json'],
      exits: [2],
    });
    cases.push({
      id: `scan/beianlx-${name}`,
      reader: 'compiled library (.beianlx)',
      args: ['scan', sample, '--lexicon', lx, '--json'],
      exits: [2],
    });
  }
  const badRows = f(
    'bad-rows.csv',
    `keyword,category,severity\n${lines(200_000, (i) => `词${i},Z.9.${i},x`)}`,
  );
  cases.push({
    id: 'lexicon-stats/200k-bad-rows',
    reader: 'keyword library',
    args: ['lexicon', 'stats', '--lexicon', badRows, '--json'],
    exits: [1, 2],
  });
  const longLex = f('long-lines.txt', `#! category=A.1.6 severity=3\n${'词'.repeat(35_000_000)}\n色情\n`);
  cases.push({
    id: 'lexicon-stats/100mb-line',
    reader: 'keyword library',
    args: ['lexicon', 'stats', '--lexicon', longLex, '--json'],
    exits: [0, 1, 2],
  });

  // red-team banks: one bad quote, a short first row
  const bankRows = (n: number, from = 0): string =>
    lines(n, (i) => `q${from + i},请介绍一下第${from + i}个城市的历史,A.5.1`);
  const bankQuote = f(
    'bank-quote.csv',
    `id,text,risk\n${bankRows(100)}q-bad,"坏"引号,A.5.1\n${bankRows(100, 100)}`,
  );
  cases.push({
    id: 'bank-import/bad-quote',
    reader: 'red-team bank',
    args: [
      'redteam',
      'bank',
      'import',
      bankQuote,
      '--kind',
      'generation',
      '--out',
      join(dir, 'bank-quote.jsonl'),
    ],
    exits: [0, 2],
  });
  const bankShort = f('bank-short.csv', `id,text,risk\nq0\n${bankRows(200, 1)}`);
  cases.push({
    id: 'bank-import/short-first-row',
    reader: 'red-team bank',
    args: [
      'redteam',
      'bank',
      'import',
      bankShort,
      '--kind',
      'generation',
      '--out',
      join(dir, 'bank-short.jsonl'),
    ],
    exits: [0, 2],
  });
  return cases;
}

/** An 8 KB workbook whose four sheets each declare a cell on the last row Excel allows. */
export async function makeXlsxBombs(dir: string): Promise<FuzzCase[]> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  for (let i = 0; i < 4; i++) {
    const ws = wb.addWorksheet(`s${i}`);
    ws.addRow(['id', 'text', 'risk']);
    ws.addRow(['q1', '请介绍一下长城的历史', 'A.5.1']);
    ws.getCell('B1048576').value = 'x';
  }
  const file = join(dir, 'rows-bomb.xlsx');
  await wb.xlsx.writeFile(file);
  return [
    {
      id: 'bank-import/xlsx-last-row',
      reader: 'red-team bank',
      args: [
        'redteam',
        'bank',
        'import',
        file,
        '--kind',
        'generation',
        '--out',
        join(dir, 'bank-xlsx.jsonl'),
      ],
      exits: [0, 2],
    },
    {
      id: 'lexicon-stats/xlsx-last-row',
      reader: 'keyword library',
      args: ['lexicon', 'stats', '--lexicon', file, '--json'],
      exits: [0, 1, 2],
    },
  ];
}
