import { z } from 'zod';
import { buildWordStats, type WordStats } from './word-stats.js';

/** The dictionaries the name and address detectors use (data/pii), parsed and validated. Pure. */
export interface PiiDictionaries {
  /** longest first, so compound surnames win */
  surnames: readonly string[];
  givenNameChars: ReadonlySet<string>;
  /** common words beginning with a surname character (黄金, 包括): never the start of a name */
  commonWords: ReadonlySet<string>;
  /** English given names (data/pii/latin-given-names.txt): the first word of a Latin-script name */
  latinGivenNames: ReadonlySet<string>;
  /** those of them that are no ordinary English word as well (not Will, Grace): a name alone too */
  latinGivenAlone: ReadonlySet<string>;
  /** province and city names without suffix, longest first */
  regions: readonly string[];
  nameCues: NameCues;
  /** transliterated foreign names (data/pii/transliteration.yaml); without it only name-cues' rules read them */
  transliteration?: Transliteration;
  address: AddressWords;
  /** general word facts (jieba's dictionary); without them names need a context cue */
  words?: WordStats;
}

const words = z.array(z.string().min(1));
export const NameCues = z
  .object({
    before: z.object({ strong: words, weak: words }).strict(),
    after: z.object({ strong: words, weak: words }).strict(),
    stop: z.string(),
    'soft-stop': z.string(),
    'place-end': z.string(),
    'address-forms': words,
    titles: words,
    speech: words,
    'org-suffix': words,
    'word-before': words,
    'ambiguous-surnames': z.string(),
    translit: z.string(),
    'translit-stop': words,
  })
  .strict();
export type NameCues = z.infer<typeof NameCues>;

export const Transliteration = z
  .object({
    chars: z.string(),
    'dotted-chars': z.string(),
    'surname-endings': words,
    adverbs: words,
    after: words,
    before: words,
    'latin-before': words,
    'place-after': words,
    'not-names': words,
  })
  .strict();
export type Transliteration = z.infer<typeof Transliteration>;

export const AddressWords = z
  .object({
    'province-suffix': words,
    'city-suffix': words,
    'district-suffix': words,
    'town-suffix': words,
    'street-suffix': words,
    'detail-suffix': words,
    labels: words,
    'value-labels': words,
    'not-street': words,
    'not-place': words,
    stop: z.string(),
  })
  .strict();
export type AddressWords = z.infer<typeof AddressWords>;

/** One entry per whitespace-separated token; `#` comments. */
export function parseWordList(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, ''))
    .flatMap((l) => l.split(/\s+/))
    .filter((w) => w.length > 0);
}

const byLengthDesc = (list: readonly string[]): string[] =>
  [...new Set(list)].sort((a, b) => b.length - a.length || a.localeCompare(b));

export function buildDictionaries(raw: {
  surnames: string;
  givenNameChars: string;
  commonWords?: string;
  /** one given name a line; a trailing `*` marks one that is an ordinary English word too */
  latinGivenNames?: string;
  regions: string;
  nameCues: unknown;
  transliteration?: unknown;
  address: unknown;
  /** a `word freq tag` dictionary (jieba dict.txt) */
  wordFrequencies?: string;
  /** its statistics already built from it with these surnames (the build's snapshot, load.ts) */
  words?: WordStats;
}): PiiDictionaries {
  const surnames = byLengthDesc(parseWordList(raw.surnames));
  const nameCues = NameCues.parse(raw.nameCues);
  const latin = parseWordList(raw.latinGivenNames ?? '');
  return {
    surnames,
    givenNameChars: new Set(parseWordList(raw.givenNameChars).flatMap((w) => [...w])),
    commonWords: new Set(parseWordList(raw.commonWords ?? '')),
    latinGivenNames: new Set(latin.map((n) => n.replace(/\*$/, ''))),
    latinGivenAlone: new Set(latin.filter((n) => !n.endsWith('*'))),
    regions: byLengthDesc(parseWordList(raw.regions)),
    nameCues,
    ...(raw.transliteration !== undefined
      ? { transliteration: Transliteration.parse(raw.transliteration) }
      : {}),
    address: AddressWords.parse(raw.address),
    ...(raw.words
      ? { words: raw.words }
      : raw.wordFrequencies
        ? { words: buildWordStats(raw.wordFrequencies, surnames) }
        : {}),
  };
}
