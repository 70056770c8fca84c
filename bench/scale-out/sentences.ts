import { existsSync, readFileSync } from 'node:fs';

/**
 * Real Chinese text for the scale-out corpora, read at run time (never committed): Tang poems from
 * chinese-poetry (MIT, an npm dev dependency) and, when ../shared/data is there, CLUENER's news
 * sentences.
 */
export function sentences(): string[] {
  const poems = (
    JSON.parse(
      readFileSync('node_modules/chinese-poetry/dist/quantangshi/poet.song.237000.json', 'utf8'),
    ) as Array<{ paragraphs: string[] }>
  ).map((p) => p.paragraphs.join(''));
  const ner = '/work/shared/data/ner/cluener-train/train.json';
  const cluener = existsSync(ner)
    ? readFileSync(ner, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { text: string }).text)
    : [];
  return [...poems, ...cluener];
}
