import { readFileSync } from 'node:fs';

let cached: string[] | undefined;

/**
 * The Tang poems of chinese-poetry's first anthology file, one string per poem (traditional
 * characters): real text, nobody's here, for the corpora the tests generate.
 */
export function tangPoems(): string[] {
  cached ??= (
    JSON.parse(
      readFileSync('node_modules/chinese-poetry/dist/quantangshi/poet.song.237000.json', 'utf8'),
    ) as Array<{ paragraphs: string[] }>
  ).map((p) => p.paragraphs.join(''));
  return cached;
}
