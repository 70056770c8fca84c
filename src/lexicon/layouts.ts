import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type Issue, issueOf, osReason } from '../errors.js';
import { appendAll } from '../util/array.js';
import { yaml } from '../util/yaml-lib.js';
import { zodIssues } from '../util/zod-issues.js';
import { HOUBB_DICT } from './layout-kind.js';
import { type LexiconLibrary, parseTxtLibrary, type RowDefaults, rowsToLibrary } from './library.js';

export { detectLayout, HOUBB_DICT, type Layout } from './layout-kind.js';

/**
 * Importers for the layouts public lists are published in: a folder of one-word-a-line files whose
 * file name is the category (konsheng/Sensitive-lexicon), and houbb/sensitive-word's dictionary +
 * tags + allow-list. What each file or tag means is a category map (YAML data, see
 * data/lexicons/maps/), never code.
 */
export const LEXICON_MAPS_DIR = fileURLToPath(new URL('../../data/lexicons/maps/', import.meta.url));

const target = z.object({
  category: z.string().optional(),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  boundary: z.enum(['auto', 'word', 'none']).optional(),
  skip: z.string().optional(),
});
export type MapTarget = z.infer<typeof target>;

export const categoryMapSchema = z.object({
  layout: z.enum(['folder', 'houbb']),
  source: z.string().optional(),
  licence: z.string().optional(),
  /** folder layout: file name → target */
  files: z.record(z.string(), target).optional(),
  /** houbb layout: tag code → target */
  tags: z.record(z.string(), target).optional(),
  /** houbb layout: dictionary words without a tag line */
  untagged: target.optional(),
});
export type CategoryMap = z.infer<typeof categoryMapSchema>;

/** Reads a category map; problems become issues naming the file and field. */
export function readCategoryMap(file: string): { map?: CategoryMap; issues: Issue[] } {
  try {
    const parsed = categoryMapSchema.safeParse(yaml().parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { map: parsed.data, issues: [] };
    return { issues: zodIssues(parsed.error, file) };
  } catch (e) {
    return { issues: [issueOf({ file }, 'lexicon.issue.mapUnreadable', { reason: osReason(e) })] };
  }
}

export const HOUBB_TAGS = 'sensitive_word_tags.txt';
export const HOUBB_ALLOW = 'sensitive_word_allow.txt';

export interface LayoutOptions {
  /** an explicit category map (else: `categories.yaml` in the folder, else the shipped map that fits) */
  categoryMap?: string;
  /** category/severity/boundary for words the map does not place */
  defaults?: RowDefaults;
  /** where shipped maps live (tests) */
  mapsDir?: string;
}

const lines = (content: string): Array<{ line: number; text: string }> =>
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, i) => ({ line: i + 1, text: text.trim() }))
    .filter((l) => l.text !== '' && !l.text.startsWith('#'));

/**
 * A konsheng-style conjunction `香港+港府+病毒`: every part must occur in the record. The first part is
 * matched, the others become the entry's context (checked on the matcher's output, see rules.ts).
 */
function splitConjunction(text: string): { keyword: string; context?: string[] } {
  if (!text.includes('+') || /^\++$/.test(text)) return { keyword: text };
  const parts = text
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return { keyword: parts[0] ?? text };
  return { keyword: parts[0] as string, context: parts.slice(1) };
}

function pickMap(
  kind: 'folder' | 'houbb',
  dir: string,
  opts: LayoutOptions,
  fits: (m: CategoryMap) => boolean,
): { map?: CategoryMap; name?: string; issues: Issue[] } {
  const candidates = opts.categoryMap
    ? [opts.categoryMap]
    : [join(dir, 'categories.yaml'), ...shippedMaps(opts.mapsDir)];
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const { map, issues } = readCategoryMap(file);
    if (!map) return { issues };
    if (map.layout !== kind) {
      if (opts.categoryMap)
        return { issues: [issueOf({ file }, 'lexicon.issue.mapLayout', { layout: map.layout })] };
      continue;
    }
    if (opts.categoryMap || file.startsWith(dir) || fits(map)) return { map, name: file, issues: [] };
  }
  return { issues: [] };
}

function shippedMaps(dir = LEXICON_MAPS_DIR): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

const defaultsOf = (t: MapTarget | undefined, base: RowDefaults): RowDefaults => ({
  ...base,
  ...(t?.category ? { category: t.category } : {}),
  ...(t?.severity ? { severity: t.severity } : {}),
  ...(t?.boundary ? { boundary: t.boundary } : {}),
});

/** Marks the entries of a library with their provenance (the source list). */
function withSource(lib: LexiconLibrary, source: string | undefined): LexiconLibrary {
  if (source) for (const e of lib.entries) e.source ??= source;
  return lib;
}

/** The folder layout: every `.txt` file one word a line, its category from the map by file name. */
export function loadFolder(
  dir: string,
  riskIds: ReadonlySet<string>,
  opts: LayoutOptions = {},
): LexiconLibrary {
  const files = readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.txt'))
    .sort();
  const picked = pickMap('folder', dir, opts, (m) => files.some((f) => m.files?.[f] !== undefined));
  const out: LexiconLibrary = { name: dir, entries: [], issues: [...picked.issues] };
  for (const f of files) {
    const t = picked.map?.files?.[f];
    if (t?.skip) {
      out.issues.push(issueOf({ file: join(dir, f) }, 'lexicon.issue.mapSkipped', { why: t.skip }));
      continue;
    }
    // Each file is read as the TXT format (a plain word list is its simplest case, and `#!` defaults
    // or tab columns still work), the map giving the file's defaults.
    const lib = parseTxtLibrary(
      join(dir, f),
      readFileSync(join(dir, f), 'utf8'),
      riskIds,
      defaultsOf(t, opts.defaults ?? {}),
    );
    for (const e of lib.entries) {
      const { keyword, context } = splitConjunction(e.keyword);
      if (context) Object.assign(e, { keyword, context: [...(e.context ?? []), ...context] });
    }
    appendAll(out.entries, lib.entries);
    appendAll(out.issues, lib.issues);
  }
  return withSource(out, picked.map?.source);
}

/** houbb's layout: dictionary words, categorised by the tags file through the map; the allow-list kept. */
export function loadHoubb(
  path: string,
  riskIds: ReadonlySet<string>,
  opts: LayoutOptions = {},
): LexiconLibrary {
  const dir = statSync(path).isDirectory() ? path : dirname(path);
  const picked = pickMap('houbb', dir, opts, () => true);
  const tagOf = new Map<string, string>();
  const tagsFile = join(dir, HOUBB_TAGS);
  if (existsSync(tagsFile))
    for (const { text } of lines(readFileSync(tagsFile, 'utf8'))) {
      const at = text.lastIndexOf(' ');
      if (at > 0) tagOf.set(text.slice(0, at).trim(), (text.slice(at + 1).split(',')[0] ?? '').trim());
    }
  const dictFile = join(dir, HOUBB_DICT);
  const out: LexiconLibrary = { name: dir, entries: [], issues: [...picked.issues] };
  const base = opts.defaults ?? {};
  for (const { line, text } of lines(readFileSync(dictFile, 'utf8'))) {
    const tag = tagOf.get(text);
    const t = tag === undefined ? picked.map?.untagged : picked.map?.tags?.[tag];
    if (t?.skip) continue;
    const lib = rowsToLibrary(dictFile, [{ line, keyword: text }], riskIds, defaultsOf(t, base));
    appendAll(out.entries, lib.entries);
    appendAll(out.issues, lib.issues);
  }
  const allowFile = join(dir, HOUBB_ALLOW);
  if (existsSync(allowFile)) out.allow = lines(readFileSync(allowFile, 'utf8')).map((l) => l.text);
  return withSource(out, picked.map?.source);
}
