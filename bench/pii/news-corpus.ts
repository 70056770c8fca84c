/**
 * The news-style JSONL corpus of the pii speed benchmarks: CLUENER/Weibo sentences (read at run
 * time from /work/shared/data, never copied), four to a record, with generated identifiers spliced
 * into some records. Written to `file` until it holds `mb` megabytes; returns its size in bytes.
 */
import { statSync, writeFileSync } from 'node:fs';
import { makeBankCard, makeIdCard } from '../../src/pii/generate.js';
import { loadCluener, loadWeibo } from './ner-corpus.js';

const extras = (i: number): string =>
  i % 7 === 0
    ? `联系电话1${3 + (i % 7)}${String(10000000 + ((i * 7919) % 89999999)).padStart(9, '0')}`
    : i % 11 === 0
      ? `身份证${makeIdCard('110105', 1960 + (i % 50), 1 + (i % 12), 1 + (i % 28), i % 999)}`
      : i % 13 === 0
        ? `卡号${makeBankCard('622202', String(1e12 + i).slice(0, 13), 19)}`
        : i % 17 === 0
          ? `邮箱user${i}@example.com`
          : '';

/** Record i's text: four sentences in a row, as in a news corpus, and now and then an identifier. */
const recordText = (sentences: readonly string[], i: number): string =>
  [0, 1, 2, 3].map((k) => sentences[(i * 4 + k) % sentences.length]).join('') + extras(i);

const newsSentences = (): string[] => [...loadCluener(), ...loadWeibo()].map((s) => s.text);

/** The records' texts, in order, until they hold `mb` megabytes of UTF-8. */
export function newsTexts(mb: number): string[] {
  const sentences = newsSentences();
  const texts: string[] = [];
  for (let i = 0, size = 0; size < mb * 1e6; i++) {
    const text = recordText(sentences, i);
    texts.push(text);
    size += Buffer.byteLength(text);
  }
  return texts;
}

export function writeNewsCorpus(file: string, mb: number): number {
  const sentences = newsSentences();
  const lines: string[] = [];
  for (let i = 0, size = 0; size < mb * 1e6; i++) {
    const line = JSON.stringify({ id: i, source: i % 3 ? 'news' : 'forum', text: recordText(sentences, i) });
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return statSync(file).size;
}
