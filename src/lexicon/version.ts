import { createHash } from 'node:crypto';
import type { LexiconEntry } from './types.js';

/**
 * The version id of a library: a hash of its content (keyword, category, severity, boundary,
 * context of every entry, in a canonical order), so the same keywords give the same id whatever
 * the files, their order or their comments, and any change of content gives a new one. Stored with
 * every scan and shown in reports and filing materials (the standard wants weekly updates: the id
 * shows which version a result was produced with).
 */
export function libraryVersion(entries: readonly LexiconEntry[]): string {
  const n = entries.length;
  // A list whose rows differ by keyword only (a plain list under one `#!` line): rows then sort as
  // their keywords do (a keyword that is another's prefix is followed by a tab, which sorts before
  // any unit the longer one has there: no keyword holds a unit ≤ U+0009), and no row is made.
  const suffix = n > 0 ? sharedSuffix(entries) : undefined;
  const strings: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i] as LexiconEntry;
    strings[i] = suffix === undefined ? rowOf(e) : e.keyword;
  }
  const sorted = sortUnits(strings);
  if (suffix === undefined) return versionOf(sorted);
  const h = createHash('sha256').update(`${sorted.join(`${suffix}\n`)}${suffix}\n`);
  return `lx-${h.digest('hex').slice(0, 12)}`;
}

/** The row after the keyword when every entry has the same one and no keyword holds a unit ≤ U+0009. */
function sharedSuffix(entries: readonly LexiconEntry[]): string | undefined {
  const first = entries[0] as LexiconEntry;
  const { category, severity } = first;
  const boundary = first.boundary ?? 'auto';
  for (const e of entries) {
    if (e.category !== category || e.severity !== severity || (e.boundary ?? 'auto') !== boundary)
      return undefined;
    if (e.context?.length) return undefined;
    const k = e.keyword;
    for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) <= 0x09) return undefined;
  }
  return rowOf(first).slice(first.keyword.length);
}

/**
 * The strings in code-unit order, as strings.sort() orders them, without its n log n string
 * comparisons (~0.1 s at 50k keywords): a numeric sort on each string's first two units (0 past its
 * end, which sorts a prefix first) and its index, then a string sort of each run that shares them
 * (a few strings: Chinese keywords rarely share both first characters).
 */
function sortUnits(strings: readonly string[]): string[] {
  const n = strings.length;
  const INDEX = 2 ** 21;
  if (n >= INDEX) return strings.slice().sort();
  const byPrefix = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = strings[i] as string;
    const u0 = r.length > 0 ? r.charCodeAt(0) : 0;
    const u1 = r.length > 1 ? r.charCodeAt(1) : 0;
    byPrefix[i] = (u0 * 65536 + u1) * INDEX + i;
  }
  byPrefix.sort();
  const sorted: string[] = new Array(n);
  let at = 0;
  for (let k = 0; k < n; ) {
    const prefix = Math.floor((byPrefix[k] as number) / INDEX);
    let end = k + 1;
    while (end < n && Math.floor((byPrefix[end] as number) / INDEX) === prefix) end++;
    const from = at;
    for (let j = k; j < end; j++) sorted[at++] = strings[(byPrefix[j] as number) - prefix * INDEX] as string;
    if (end - k > 1) {
      const run = sorted.slice(from, at).sort();
      for (let j = 0; j < run.length; j++) sorted[from + j] = run[j] as string;
    }
    k = end;
  }
  return sorted;
}

/**
 * libraryVersion of a list whose rows differ by keyword only (the entries' keywords as units end to
 * end, n of them; `row` the category, severity and boundary they share): the keywords sorted in
 * code-unit order as sortUnits sorts them, without a string a keyword (a plain list compiled into
 * columns, compile-columns.ts). Undefined when libraryVersion would not use the shared suffix.
 */
export function uniformVersion(
  units: Uint16Array,
  ends: Int32Array,
  n: number,
  row: Pick<LexiconEntry, 'category' | 'severity' | 'boundary'>,
): string | undefined {
  const INDEX = 2 ** 21;
  if (n === 0 || n >= INDEX) return undefined;
  const total = ends[n - 1] as number;
  for (let i = 0; i < total; i++) if ((units[i] as number) <= 0x09) return undefined;
  const suffix = rowOf({ keyword: '', ...row });
  const start = (i: number): number => (i === 0 ? 0 : (ends[i - 1] as number));
  const byPrefix = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const from = start(i);
    const len = (ends[i] as number) - from;
    const u0 = len > 0 ? (units[from] as number) : 0;
    const u1 = len > 1 ? (units[from + 1] as number) : 0;
    byPrefix[i] = (u0 * 65536 + u1) * INDEX + i;
  }
  byPrefix.sort();
  const order = new Int32Array(n);
  /** code-unit order of keywords a and b (< 0: a first) */
  const compare = (a: number, b: number): number => {
    const fa = start(a);
    const fb = start(b);
    const la = (ends[a] as number) - fa;
    const lb = (ends[b] as number) - fb;
    const m = Math.min(la, lb);
    for (let k = 0; k < m; k++) {
      const d = (units[fa + k] as number) - (units[fb + k] as number);
      if (d !== 0) return d;
    }
    return la - lb;
  };
  for (let k = 0; k < n; ) {
    const prefix = Math.floor((byPrefix[k] as number) / INDEX);
    let end = k + 1;
    while (end < n && Math.floor((byPrefix[end] as number) / INDEX) === prefix) end++;
    for (let j = k; j < end; j++) order[j] = (byPrefix[j] as number) - prefix * INDEX;
    if (end - k > 16) {
      // a long run (many keywords share their first two units): a comparison sort
      const run = Array.from(order.subarray(k, end)).sort(compare);
      order.set(run, k);
    } else
      for (let j = k + 1; j < end; j++) {
        const x = order[j] as number;
        let q = j - 1;
        while (q >= k && compare(x, order[q] as number) < 0) {
          order[q + 1] = order[q] as number;
          q--;
        }
        order[q + 1] = x;
      }
    k = end;
  }
  // the sorted keywords, each followed by the suffix and a newline, as one string
  const tail = `${suffix}\n`;
  const joined = new Uint16Array(total + n * tail.length);
  let w = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j] as number;
    for (let at = start(i); at < (ends[i] as number); at++) joined[w++] = units[at] as number;
    for (let t = 0; t < tail.length; t++) joined[w++] = tail.charCodeAt(t);
  }
  // UTF-16 to a string as it is (lone surrogates kept: the hash encodes them as the joined rows did)
  const text = Buffer.from(joined.buffer, joined.byteOffset, joined.byteLength).toString('utf16le');
  return `lx-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

const rowOf = (e: LexiconEntry): string =>
  `${e.keyword}\t${e.category}\t${e.severity}\t${e.boundary ?? 'auto'}\t${e.context ? e.context.join('+') : ''}`;

function versionOf(sortedRows: readonly string[]): string {
  // one update of the joined rows: the same bytes as one update per row, without 50k native calls
  const h = createHash('sha256').update(sortedRows.length ? `${sortedRows.join('\n')}\n` : '');
  return `lx-${h.digest('hex').slice(0, 12)}`;
}

export interface EntryChange {
  keyword: string;
  from: Pick<LexiconEntry, 'category' | 'severity' | 'boundary'>;
  to: Pick<LexiconEntry, 'category' | 'severity' | 'boundary'>;
}

export interface LibraryDiff {
  from: string;
  to: string;
  added: LexiconEntry[];
  removed: LexiconEntry[];
  changed: EntryChange[];
  /** keywords per risk, before and after */
  perRisk: Record<string, { from: number; to: number }>;
}

const pick = (e: LexiconEntry) => ({
  category: e.category,
  severity: e.severity,
  ...(e.boundary ? { boundary: e.boundary } : {}),
});

/** What changed between two versions of a library, entries keyed by their keyword (already merged). */
export function diffLibraries(a: readonly LexiconEntry[], b: readonly LexiconEntry[]): LibraryDiff {
  const before = new Map(a.map((e) => [e.keyword, e]));
  const after = new Map(b.map((e) => [e.keyword, e]));
  const added = b.filter((e) => !before.has(e.keyword));
  const removed = a.filter((e) => !after.has(e.keyword));
  const changed: EntryChange[] = [];
  for (const e of b) {
    const old = before.get(e.keyword);
    if (
      old &&
      (old.category !== e.category ||
        old.severity !== e.severity ||
        (old.boundary ?? 'auto') !== (e.boundary ?? 'auto'))
    )
      changed.push({ keyword: e.keyword, from: pick(old), to: pick(e) });
  }
  const perRisk: Record<string, { from: number; to: number }> = {};
  const bucket = (risk: string) => {
    const r = perRisk[risk] ?? { from: 0, to: 0 };
    perRisk[risk] = r;
    return r;
  };
  for (const e of a) bucket(e.category).from++;
  for (const e of b) bucket(e.category).to++;
  return { from: libraryVersion(a), to: libraryVersion(b), added, removed, changed, perRisk };
}
