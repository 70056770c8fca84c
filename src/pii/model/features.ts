import { intSet, type NumberSet, SmallIntSet, WideIntSet } from '../../util/int-set.js';
import { codeAt } from '../detectors/code-at.js';
import type { PiiDictionaries } from '../dictionaries.js';
import { CONFIDENCE_ORDER, type Detector } from '../types.js';
import { pack3, packHan } from '../word-stats.js';

/**
 * Feature extraction for the sequence model, as hashed integers: each position gets exactly
 * FEATURE_COUNT feature indices in [0, 2^bits), one per template, so a sentence's features are one
 * flat Int32Array (n × FEATURE_COUNT) and training never builds a string per feature. The hash is
 * fixed (no seed, no Map order), so the same text always gives the same indices; a model file
 * records `bits` and the feature-set version, and a change to the templates is a new version.
 */

/** the feature set's version: part of the weights file format */
export const FEATURE_SET = 2;

/** The rule detectors and dictionaries the features read (built once per model user). */
export interface FeatureResources {
  dicts: PiiDictionaries;
  /** single-character surnames, by code */
  surname1: Uint8Array;
  /** two-character surnames, "ab" */
  surname2: ReadonlySet<string>;
  /** transliteration characters, by code */
  translit: Uint8Array;
  /** cue words that end right before a name (titles, roles, "姓名"), by length */
  cueBefore: CueSet;
  /** cue words that start right after a name (speech verbs, "（化名）") */
  cueAfter: CueSet;
  /** address suffix words by class: 1 province/city, 2 district, 3 town, 4 street, 5 building/door */
  addressSuffix: CueSet;
  /** the first two characters of each place word (packHan) → a bit per length of those words: most positions need no slice */
  placeHeads: ReadonlyMap<number, number>;
  /**
   * per-code facts read once per character instead of computed (the per-character cache):
   * the character class, the normalised code, the given-name and surname odds buckets
   */
  cls: Uint8Array;
  norm: Uint16Array;
  givB: Uint8Array;
  surB: Uint8Array;
  /** 1 where some place word ends with this code; the last two codes of each four-character word */
  placeLast: Uint8Array;
  words4Tails: ReadonlySet<number>;
  /** reused by sentenceFacts when asked (grown to the longest text seen) */
  scratch: { cap: number; f: SentenceFacts | undefined };
  /** two-character surnames as first × 0x10000 + second */
  surname2Codes: ReadonlySet<number>;
  /**
   * the dictionary's person entries (tagged persons or names, one set where the word list has two)
   * of two and of three characters, and the first two characters (packHan) of every three-character
   * word or person entry: a position where no three-character entry starts needs no wide look-up
   */
  person2: NumberSet;
  person3: NumberSet;
  head3: NumberSet;
  /** the rule detectors whose findings are features (stacking); without them those features are constant */
  person: Detector | undefined;
  address: Detector | undefined;
}

/** A set of short strings tried by length at a position: value = class (≥ 1). */
interface CueSet {
  words: ReadonlyMap<string, number>;
  /** the lengths present, longest first */
  lengths: readonly number[];
  /** 1 where some word starts / ends with this code: most positions are ruled out without a slice */
  first: Uint8Array;
  last: Uint8Array;
  /** 1 where a one-character word is this code */
  single: Uint8Array;
  /** the first two / last two codes (a × 0x10000 + b) of the longer words: a second gate before any slice */
  head2: ReadonlySet<number>;
  tail2: ReadonlySet<number>;
}

function cueSet(groups: ReadonlyArray<readonly [readonly string[], number]>, maxLen = 8): CueSet {
  const words = new Map<string, number>();
  for (const [list, cls] of groups)
    for (const w of list) if (w.length > 0 && w.length <= maxLen && !words.has(w)) words.set(w, cls);
  const lengths = [...new Set([...words.keys()].map((w) => w.length))].sort((a, b) => b - a);
  const first = new Uint8Array(0x10000);
  const last = new Uint8Array(0x10000);
  const single = new Uint8Array(0x10000);
  const head2 = new Set<number>();
  const tail2 = new Set<number>();
  for (const w of words.keys()) {
    first[w.charCodeAt(0)] = 1;
    last[w.charCodeAt(w.length - 1)] = 1;
    if (w.length === 1) single[w.charCodeAt(0)] = 1;
    else {
      head2.add(w.charCodeAt(0) * 0x10000 + w.charCodeAt(1));
      tail2.add(w.charCodeAt(w.length - 2) * 0x10000 + w.charCodeAt(w.length - 1));
    }
  }
  return { words, lengths, first, last, single, head2, tail2 };
}

export function featureResources(
  d: PiiDictionaries,
  person: Detector | undefined,
  address: Detector | undefined,
): FeatureResources {
  const surname1 = new Uint8Array(0x10000);
  const surname2 = new Set<string>();
  const surname2Codes = new Set<number>();
  for (const s of d.surnames) {
    if (s.length === 1) surname1[s.charCodeAt(0)] = 1;
    else if (s.length === 2) {
      surname2.add(s);
      surname2Codes.add(s.charCodeAt(0) * 0x10000 + s.charCodeAt(1));
    }
  }
  const cls = new Uint8Array(0x10000);
  const norm = new Uint16Array(0x10000);
  const givB = new Uint8Array(0x10000);
  const surB = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    cls[c] = charClass(c);
    norm[c] = normalised(c);
    givB[c] = oddsBucket(d.words?.given[c] ?? 0);
    surB[c] = oddsBucket(d.words?.surname[c] ?? 0);
  }
  const translit = new Uint8Array(0x10000);
  for (const ch of d.nameCues.translit) if (ch.trim()) translit[ch.charCodeAt(0)] = 1;
  for (const ch of d.transliteration?.chars ?? '') if (ch.trim()) translit[ch.charCodeAt(0)] = 1;
  const c = d.nameCues;
  const a = d.address;
  const placeHeads = new Map<number, number>();
  const placeLast = new Uint8Array(0x10000);
  for (const p of d.words?.places ?? []) {
    const h = packHan(p.charCodeAt(0), p.charCodeAt(1));
    placeHeads.set(h, (placeHeads.get(h) ?? 0) | (1 << p.length));
    placeLast[p.charCodeAt(p.length - 1)] = 1;
  }
  const words4Tails = new Set<number>();
  for (const w of d.words?.words4 ?? []) words4Tails.add(w.charCodeAt(2) * 0x10000 + w.charCodeAt(3));
  const { person2, person3, head3 } = personSets(d);
  return {
    person2,
    person3,
    head3,
    dicts: d,
    placeHeads,
    placeLast,
    words4Tails,
    scratch: { cap: 0, f: undefined },
    surname1,
    surname2,
    surname2Codes,
    cls,
    norm,
    givB,
    surB,
    translit,
    cueBefore: cueSet([
      [c.before.strong, 1],
      [c.titles, 2],
      [c.before.weak, 3],
      [c['word-before'], 4],
    ]),
    cueAfter: cueSet([
      [c.after.strong, 1],
      [c.speech, 2],
      [c.after.weak, 3],
      [c['address-forms'], 4],
      [c['org-suffix'], 5],
    ]),
    addressSuffix: cueSet([
      [a['province-suffix'], 1],
      [a['city-suffix'], 1],
      [a['district-suffix'], 2],
      [a['town-suffix'], 3],
      [a['street-suffix'], 4],
      [a['detail-suffix'], 5],
      [a.labels, 6],
    ]),
    person,
    address,
  };
}

/** The keys of a typed-array set (undefined for another kind of set). */
function keysOf(s: NumberSet): number[] | undefined {
  if (!(s instanceof SmallIntSet || s instanceof WideIntSet)) return undefined;
  const out: number[] = [];
  for (const k of s.table) if (k >= 0) out.push(k);
  return out;
}

const TWO32 = 4294967296;

function personSets(d: PiiDictionaries): { person2: NumberSet; person3: NumberSet; head3: NumberSet } {
  const w = d.words;
  const none = intSet([]);
  if (!w) return { person2: none, person3: none, head3: none };
  const tagged = keysOf(w.taggedPersons);
  const names = keysOf(w.names);
  const words3 = keysOf(w.words3);
  if (!tagged || !names || !words3) {
    // sets of another kind: the same answers, one look-up at a time
    const either: NumberSet = { has: (k) => w.taggedPersons.has(k) || w.names.has(k), size: 0 };
    return { person2: either, person3: either, head3: { has: () => true, size: 0 } };
  }
  // packHan keys are below 2^29, pack3 keys at least 2^46 (word-stats.ts)
  const persons = [...tagged, ...names];
  const three = persons.filter((k) => k >= TWO32);
  const head = (k: number) => packHan(Math.floor(k / TWO32), Math.floor(k / 0x10000) % 0x10000);
  return {
    person2: intSet(persons.filter((k) => k < TWO32)),
    person3: intSet(three),
    head3: intSet([...three, ...words3].map(head)),
  };
}

/** Character class: 1 Han, 2 upper Latin, 3 lower Latin, 4 digit, 5 name separator, 6 punctuation/space, 7 other, 0 outside. */
export function charClass(code: number): number {
  if (code === 0xffff) return 0;
  if (code >= 0x4e00 && code <= 0x9fff) return 1;
  if (code >= 65 && code <= 90) return 2;
  if (code >= 97 && code <= 122) return 3;
  if (code >= 48 && code <= 57) return 4;
  if (code === 0xb7 || code === 0x2022 || code === 0x30fb || code === 45) return 5;
  if (code <= 0x40 || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0xbf)) return 6;
  if ((code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xff0f)) return 6;
  if ((code >= 0xff1a && code <= 0xff20) || (code >= 0xff3b && code <= 0xff40) || code >= 0xff5b) return 6;
  if (code >= 0x2000 && code <= 0x206f) return 6;
  return 7;
}

/** Full-width letters and digits read as ASCII, every digit as 0 (a number's value says nothing). */
function normalised(code: number): number {
  let c = code;
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 48 && c <= 57) return 48;
  return c;
}

/** The per-sentence facts every position's features read, computed once per text. */
export interface SentenceFacts {
  n: number;
  code: Int32Array;
  cls: Uint8Array;
  /** forward longest-match segmentation: 0 single, 1 begin, 2 middle, 3 end; and the word's length */
  seg: Uint8Array;
  segLen: Uint8Array;
  /** longest ordinary word starting / ending at i (0 = none), place words, person-name entries */
  ordS: Uint8Array;
  ordE: Uint8Array;
  plcS: Uint8Array;
  plcE: Uint8Array;
  perS: Uint8Array;
  perE: Uint8Array;
  /** class of the before-cue ending at i, of the after-cue starting at i, of the address suffix ending at i */
  cueB: Uint8Array;
  cueA: Uint8Array;
  addrE: Uint8Array;
  /** 1 single surname, 2 two-character surname starts here */
  sur: Uint8Array;
  /** log odds buckets (0..6) of the character as a given-name / surname character */
  giv: Uint8Array;
  surOdds: Uint8Array;
  /** Latin/digit run: position 0 single, 1 begin, 2 middle, 3 end; length bucket */
  runPos: Uint8Array;
  runLen: Uint8Array;
  /** runs of transliteration characters, and of Han characters no dictionary word covers: position × 8 + length bucket */
  tlRun: Uint8Array;
  oovRun: Uint8Array;
  /** a hash of the segmentation word covering i, of the word before it and of the word after it */
  word: Int32Array;
  wordBefore: Int32Array;
  wordAfter: Int32Array;
  /** what the rules found: 0 none, else 1 + 2·confidence + (0 begin, 1 inside) */
  rulePerson: Uint8Array;
  ruleAddress: Uint8Array;
  /**
   * the arrays positionFeatures reads around i, as the buffers they view: index i + PAD is
   * position i, and the PAD slots on each side hold what a read outside the text gives
   */
  win: WindowArrays;
}

/** the facts read at i ± 1…3, and the value each gives outside the text (left, right) */
const WINDOW = {
  code: [1, 2],
  cls: [0, 0],
  seg: [255, 255],
  segLen: [255, 255],
  sur: [0, 0],
  giv: [255, 255],
  surOdds: [255, 255],
  cueB: [0, 0],
  cueA: [0, 0],
  addrE: [0, 0],
  tlRun: [0, 0],
  rulePerson: [0, 0],
  ruleAddress: [0, 0],
} as const;
type WindowKey = keyof typeof WINDOW;
type WindowArrays = { code: Int32Array } & { [K in Exclude<WindowKey, 'code'>]: Uint8Array };
const WINDOW_KEYS = Object.keys(WINDOW) as WindowKey[];
const PAD = 3;

const oddsBucket = (x: number): number => (x <= -2 ? 0 : x >= 4 ? 6 : Math.round(x) + 2);

function ruleTags(d: Detector, text: string): Uint8Array {
  const tags = new Uint8Array(text.length);
  for (const f of d.detect(text)) {
    const base = 1 + 2 * CONFIDENCE_ORDER[f.confidence];
    for (let k = f.start; k < f.end && k < tags.length; k++) tags[k] = base + (k === f.start ? 0 : 1);
  }
  return tags;
}

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** The class of the longest word of `set` ending at i (0: none). */
function cueEnding(text: string, i: number, set: CueSet): number {
  const c = text.charCodeAt(i);
  if (!set.last[c]) return 0;
  if (!set.single[c] && (i === 0 || !set.tail2.has(text.charCodeAt(i - 1) * 0x10000 + c))) return 0;
  for (const len of set.lengths) {
    if (i + 1 - len < 0) continue;
    const cls = set.words.get(text.slice(i + 1 - len, i + 1));
    if (cls !== undefined) return cls;
  }
  return 0;
}

function cueStarting(text: string, i: number, set: CueSet): number {
  const c = text.charCodeAt(i);
  if (!set.first[c]) return 0;
  if (!set.single[c] && (i + 1 >= text.length || !set.head2.has(c * 0x10000 + text.charCodeAt(i + 1))))
    return 0;
  for (const len of set.lengths) {
    if (i + len > text.length) continue;
    const cls = set.words.get(text.slice(i, i + len));
    if (cls !== undefined) return cls;
  }
  return 0;
}

/** Calls `mark(p, position, lengthBucket)` for every position of each maximal run where `inRun` holds (position: 0 single, 1 begin, 2 middle, 3 end). */
function runs(
  n: number,
  inRun: (i: number) => boolean,
  mark: (p: number, pos: number, lb: number) => void,
): void {
  for (let i = 0; i < n; ) {
    if (!inRun(i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && inRun(j)) j++;
    const len = j - i;
    const lb = len === 1 ? 1 : len <= 3 ? len : len <= 6 ? 4 : len <= 10 ? 5 : 6;
    for (let p = i; p < j; p++) mark(p, len === 1 ? 0 : p === i ? 1 : p === j - 1 ? 3 : 2, lb);
    i = j;
  }
}

function newFacts(n: number): SentenceFacts {
  const u8 = () => new Uint8Array(n);
  const win = {} as Record<WindowKey, Int32Array | Uint8Array>;
  // (typed as WindowArrays below: code is the one Int32Array)
  const view = {} as Record<WindowKey, Int32Array | Uint8Array>;
  for (const k of WINDOW_KEYS) {
    const raw = k === 'code' ? new Int32Array(n + 2 * PAD) : new Uint8Array(n + 2 * PAD);
    raw.fill(WINDOW[k][0], 0, PAD);
    raw.fill(WINDOW[k][1], n + PAD);
    win[k] = raw;
    view[k] = raw.subarray(PAD, PAD + n);
  }
  return {
    n,
    win: win as WindowArrays,
    code: view.code as Int32Array,
    cls: view.cls as Uint8Array,
    seg: view.seg as Uint8Array,
    segLen: view.segLen as Uint8Array,
    ordS: u8(),
    ordE: u8(),
    plcS: u8(),
    plcE: u8(),
    perS: u8(),
    perE: u8(),
    cueB: view.cueB as Uint8Array,
    cueA: view.cueA as Uint8Array,
    addrE: view.addrE as Uint8Array,
    sur: view.sur as Uint8Array,
    giv: view.giv as Uint8Array,
    surOdds: view.surOdds as Uint8Array,
    runPos: u8(),
    runLen: u8(),
    tlRun: view.tlRun as Uint8Array,
    oovRun: u8(),
    word: new Int32Array(n),
    wordBefore: new Int32Array(n),
    wordAfter: new Int32Array(n),
    rulePerson: view.rulePerson as Uint8Array,
    ruleAddress: view.ruleAddress as Uint8Array,
  };
}

const FACT_ARRAYS = [
  'code',
  'cls',
  'seg',
  'segLen',
  'ordS',
  'ordE',
  'plcS',
  'plcE',
  'perS',
  'perE',
  'cueB',
  'cueA',
  'addrE',
  'sur',
  'giv',
  'surOdds',
  'runPos',
  'runLen',
  'tlRun',
  'oovRun',
  'word',
  'wordBefore',
  'wordAfter',
  'rulePerson',
  'ruleAddress',
] as const;

/**
 * The facts of a text. With `reuse`, the arrays are the resources' scratch ones (longer than the
 * text: read them up to `n` only), valid until the next call: no allocation per text.
 */
export function sentenceFacts(text: string, r: FeatureResources, reuse = false): SentenceFacts {
  const n = text.length;
  let f: SentenceFacts;
  if (reuse) {
    if (r.scratch.f === undefined || r.scratch.cap < n) {
      r.scratch.cap = Math.max(n, 2 * r.scratch.cap, 256);
      r.scratch.f = newFacts(r.scratch.cap);
    } else for (const k of FACT_ARRAYS) r.scratch.f[k].fill(0, 0, n);
    f = r.scratch.f;
    f.n = n;
    // what positions n, n + 1, n + 2 read as: outside the text
    for (const k of WINDOW_KEYS) f.win[k].fill(WINDOW[k][1], n + PAD, n + 2 * PAD);
  } else f = newFacts(n);
  if (r.person) f.rulePerson.set(ruleTags(r.person, text));
  if (r.address) f.ruleAddress.set(ruleTags(r.address, text));
  const w = r.dicts.words;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    f.code[i] = r.norm[c] as number;
    f.cls[i] = r.cls[c] as number;
    if (r.surname1[c]) f.sur[i] = 1;
    if (i + 1 < n && r.surname2Codes.has(c * 0x10000 + text.charCodeAt(i + 1))) f.sur[i] = 2;
    if (w) {
      f.giv[i] = r.givB[c] as number;
      f.surOdds[i] = r.surB[c] as number;
    }
    f.cueB[i] = cueEnding(text, i, r.cueBefore);
    f.cueA[i] = cueStarting(text, i, r.cueAfter);
    f.addrE[i] = cueEnding(text, i, r.addressSuffix);
  }
  // dictionary words starting at each position (ordinary 2–4, places 2–8, persons 2–3)
  if (w) {
    for (let i = 0; i < n; i++) {
      const a = codeAt(text, i);
      if (!isHan(a)) continue;
      const b = codeAt(text, i + 1);
      const c = codeAt(text, i + 2);
      const d = codeAt(text, i + 3);
      let ord = 0;
      let per = 0;
      if (isHan(b)) {
        const p2 = packHan(a, b);
        if (w.words2.has(p2)) ord = 2;
        if (r.person2.has(p2)) per = 2;
        if (isHan(c)) {
          if (r.head3.has(p2)) {
            const p3 = pack3(a, b, c);
            if (w.words3.has(p3)) ord = 3;
            if (r.person3.has(p3)) per = 3;
          }
          if (
            isHan(d) &&
            r.words4Tails.has(c * 0x10000 + d) &&
            w.words4Heads.has(p2) &&
            w.words4.has(text.slice(i, i + 4))
          )
            ord = 4;
        }
      }
      let plc = 0;
      const lens = r.placeHeads.get(packHan(a, b)) ?? 0;
      if (lens !== 0)
        for (let len = Math.min(8, n - i); len >= 2; len--)
          if (
            (lens & (1 << len)) !== 0 &&
            r.placeLast[text.charCodeAt(i + len - 1)] === 1 &&
            w.places.has(text.slice(i, i + len))
          ) {
            plc = len;
            break;
          }
      f.ordS[i] = ord;
      f.perS[i] = per;
      f.plcS[i] = plc;
      if (ord) f.ordE[i + ord - 1] = Math.max(f.ordE[i + ord - 1] ?? 0, ord);
      if (per) f.perE[i + per - 1] = Math.max(f.perE[i + per - 1] ?? 0, per);
      if (plc) f.plcE[i + plc - 1] = Math.max(f.plcE[i + plc - 1] ?? 0, plc);
    }
  }
  // forward longest match over those words
  let prevWord = 1;
  let prevStart = 0;
  for (let i = 0; i < n; ) {
    const len = Math.max(1, f.ordS[i] ?? 0, f.plcS[i] ?? 0, f.perS[i] ?? 0);
    let h = 0x811c9dc5;
    for (let k = 0; k < len; k++) h = Math.imul(h ^ (f.code[i + k] as number), 0x01000193);
    for (let k = 0; k < len; k++) {
      f.seg[i + k] = len === 1 ? 0 : k === 0 ? 1 : k === len - 1 ? 3 : 2;
      f.segLen[i + k] = Math.min(len, 5);
      f.word[i + k] = h;
      f.wordBefore[i + k] = prevWord;
    }
    for (let k = prevStart; k < i; k++) f.wordAfter[k] = h;
    prevWord = h;
    prevStart = i;
    i += len;
  }
  for (let k = prevStart; k < n; k++) f.wordAfter[k] = 2;
  // Latin letter and digit runs
  runs(
    n,
    (i) => (f.cls[i] as number) >= 2 && (f.cls[i] as number) <= 4,
    (p, pos, lb) => {
      f.runPos[p] = pos;
      f.runLen[p] = lb;
    },
  );
  runs(
    n,
    (i) => r.translit[text.charCodeAt(i)] === 1,
    (p, pos, lb) => {
      f.tlRun[p] = 1 + pos * 8 + lb;
    },
  );
  runs(
    n,
    (i) => f.cls[i] === 1 && f.seg[i] === 0,
    (p, pos, lb) => {
      f.oovRun[p] = 1 + pos * 8 + lb;
    },
  );
  return f;
}

// ---- hashing: templates × values → [0, 2^bits)

const M1 = 0x5bd1e995;
const seedOf = (t: number): number => Math.imul(t + 1, 0x9e3779b1);

// The values a position's templates read, each in one slot of a scratch row (VALUES): a template
// is the list of the slots it mixes, so the templates are a table below, one line each.
const ZERO = 0;
const C0 = 1;
const CM1 = 2;
const C1 = 3;
const CM2 = 4;
const C2 = 5;
const CM3 = 6;
const C3 = 7;
/** the character classes of i−2…i and of i+1…i+2, each in one number, and of i alone */
const CLSL = 8;
const CLSR = 50;
const CLS0 = 9;
/** the Latin/digit run: position × 8 + length bucket */
const RUN = 10;
/** the segmentation at i−1, i, i+1: position × 8 + word length */
const SEG0 = 11;
const SEGM1 = 12;
const SEG1 = 13;
/** the dictionary words starting and ending at i, in one number */
const DICT = 14;
const SUR0 = 15;
const SURM1 = 16;
const SURM2 = 17;
const GIV0 = 18;
const GIV1 = 19;
const GIVM1 = 20;
const GIV2 = 21;
const SO0 = 22;
const SOM1 = 23;
/** the before-cues ending at i−1, i−2, i−3; the after-cues starting at i+1, i+2, i+3 and at i */
const CUEB1 = 24;
const CUEB2 = 25;
const CUEB3 = 26;
const CUEA1 = 27;
const CUEA2 = 28;
const CUEA3 = 29;
const CUEA0 = 30;
const CUES = 31;
/** transliteration characters at i−1, i, i+1, and the two neighbours in one number */
const TLM1 = 32;
const TL0 = 33;
const TL1 = 34;
const TLSIDES = 35;
/** what the rules found at i, i−1, i+1 (stacked) */
const RP0 = 36;
const RPM1 = 37;
const RP1 = 38;
const RA0 = 39;
const RAM1 = 40;
const RA1 = 41;
/** the address suffixes ending at i and at i−1 */
const ADDR = 42;
/** the runs of transliteration characters and of words no dictionary knows, at i (i−1, i+1) */
const TLRUN = 43;
const TLRUNM1 = 44;
const TLRUN1 = 45;
const OOV = 46;
/** the segmentation word covering i, the one before, the one after (hashes) */
const WORD = 47;
const WORDB = 48;
const WORDA = 49;
const VALUES = new Int32Array(51);

/**
 * The feature templates, one line each: the slots each mixes, in order (its arity is part of its
 * hash; a ZERO slot is hashed like any value, as when the templates were first defined). The
 * order is the feature's index: a change here is a new FEATURE_SET (pinned.test.ts).
 */
const TEMPLATES: ReadonlyArray<readonly number[]> = [
  [ZERO], // bias
  [C0],
  [CM1],
  [C1],
  [CM2],
  [C2],
  [CM3],
  [C3],
  [CM1, C0],
  [C0, C1],
  [CM2, CM1],
  [C1, C2],
  [CM3, CM2],
  [C2, C3],
  [CM1, C1],
  [CM2, CM1, C0],
  [CM1, C0, C1],
  [C0, C1, C2],
  [CLSL, CLSR, ZERO],
  [RUN, CLS0],
  [RUN, C0],
  [SEG0, SEGM1, SEG1],
  [SEG0, C0],
  [DICT, ZERO],
  [DICT, SUR0],
  [SUR0, SURM1, SURM2],
  [GIV0, GIV1, GIVM1],
  [SO0, GIV0, GIV1],
  [SOM1, GIV0, GIV2],
  [SUR0, GIV1, GIV2],
  [CUEB1, CUEB2, CUEB3],
  [CUEA1, CUEA2, CUEA3],
  [CUEB1, SUR0, SEG0],
  [CUEA1, SUR0, GIV1],
  [CUEA0, CUEB1, RP0],
  [TLM1, TL0, TL1],
  [TLSIDES, TL0, SEG0],
  [RP0, RPM1, RP1],
  [RA0, RAM1, RA1],
  [RP0, C0],
  [RA0, C0],
  [ADDR, RA0],
  [ADDR, C1, CLS0],
  [RA0, DICT, ZERO],
  [TLRUN, CUES],
  [TLRUN, TLRUNM1, TLRUN1],
  [OOV, SUR0, GIV0],
  [OOV, CUEB1, CUEA1],
  [WORD, SEG0],
  [WORDB, SEG0],
  [WORDA, SEG0],
];

/** the number of feature templates: every position has exactly this many features */
export const FEATURE_COUNT: number = TEMPLATES.length;
/** each template's hash seed, arity and slots (three per template, unused ones 0) */
const SEEDS = Int32Array.from({ length: FEATURE_COUNT }, (_, t) => seedOf(t));
const ARITY = Uint8Array.from(TEMPLATES, (t) => t.length);
const SLOTS = Uint8Array.from(TEMPLATES.flatMap((t) => [t[0] ?? 0, t[1] ?? 0, t[2] ?? 0]));

/**
 * Writes the FEATURE_COUNT hashed features of position i into out[o…]: characters in a ±3 window,
 * character pairs and triples, classes, the segmentation and dictionary facts, surname and
 * given-name statistics, title/speech cues, address suffixes, transliteration characters, Latin
 * and digit runs, and what the rule detectors found (stacking). 0 ≤ i < f.n.
 */
export function positionFeatures(
  f: SentenceFacts,
  i: number,
  r: FeatureResources,
  bits: number,
  out: Int32Array,
  o: number,
): void {
  const shift = 32 - bits;
  const v = VALUES;
  // the window arrays hold PAD slots of "outside the text" on each side: no bounds tests
  const w = f.win;
  const j = i + PAD;
  const code = w.code;
  const c0 = code[j] as number;
  const cm1 = code[j - 1] as number;
  const c1 = code[j + 1] as number;
  v[C0] = c0;
  v[CM1] = cm1;
  v[C1] = c1;
  v[CM2] = code[j - 2] as number;
  v[C2] = code[j + 2] as number;
  v[CM3] = code[j - 3] as number;
  v[C3] = code[j + 3] as number;
  const cls = w.cls;
  const k0 = cls[j] as number;
  v[CLSL] = (cls[j - 2] as number) * 64 + (cls[j - 1] as number) * 8 + k0;
  v[CLSR] = (cls[j + 1] as number) * 8 + (cls[j + 2] as number);
  v[CLS0] = k0;
  v[RUN] = (f.runPos[i] as number) * 8 + (f.runLen[i] as number);
  const seg = w.seg;
  const segLen = w.segLen;
  v[SEG0] = (seg[j] as number) * 8 + (segLen[j] as number);
  v[SEGM1] = (seg[j - 1] as number) * 8 + (segLen[j - 1] as number);
  v[SEG1] = (seg[j + 1] as number) * 8 + (segLen[j + 1] as number);
  v[DICT] =
    (f.ordS[i] as number) * 1000 +
    (f.ordE[i] as number) * 100 +
    (f.plcS[i] as number) * 10 +
    (f.plcE[i] as number) +
    (f.perS[i] as number) * 10000 +
    (f.perE[i] as number) * 100000;
  const sur = w.sur;
  v[SUR0] = sur[j] as number;
  v[SURM1] = sur[j - 1] as number;
  v[SURM2] = sur[j - 2] as number;
  const giv = w.giv;
  v[GIV0] = giv[j] as number;
  v[GIV1] = giv[j + 1] as number;
  v[GIVM1] = giv[j - 1] as number;
  v[GIV2] = giv[j + 2] as number;
  v[SO0] = w.surOdds[j] as number;
  v[SOM1] = w.surOdds[j - 1] as number;
  const cueB = w.cueB;
  const cueA = w.cueA;
  const cueB1 = cueB[j - 1] as number;
  const cueA1 = cueA[j + 1] as number;
  v[CUEB1] = cueB1;
  v[CUEB2] = cueB[j - 2] as number;
  v[CUEB3] = cueB[j - 3] as number;
  v[CUEA1] = cueA1;
  v[CUEA2] = cueA[j + 2] as number;
  v[CUEA3] = cueA[j + 3] as number;
  v[CUEA0] = cueA[j] as number;
  v[CUES] = cueA1 * 8 + cueB1;
  const tl = r.translit;
  const tm1 = cm1 > 2 && cm1 < 0x10000 ? (tl[cm1] as number) : 0;
  const t1 = c1 > 2 && c1 < 0x10000 ? (tl[c1] as number) : 0;
  v[TLM1] = tm1;
  v[TL0] = c0 < 0x10000 ? (tl[c0] as number) : 0;
  v[TL1] = t1;
  v[TLSIDES] = tm1 * 2 + t1;
  const rp = w.rulePerson;
  const ra = w.ruleAddress;
  v[RP0] = rp[j] as number;
  v[RPM1] = rp[j - 1] as number;
  v[RP1] = rp[j + 1] as number;
  v[RA0] = ra[j] as number;
  v[RAM1] = ra[j - 1] as number;
  v[RA1] = ra[j + 1] as number;
  v[ADDR] = (w.addrE[j] as number) * 16 + (w.addrE[j - 1] as number);
  v[TLRUN] = w.tlRun[j] as number;
  v[TLRUNM1] = w.tlRun[j - 1] as number;
  v[TLRUN1] = w.tlRun[j + 1] as number;
  v[OOV] = f.oovRun[i] as number;
  v[WORD] = f.word[i] as number;
  v[WORDB] = f.wordBefore[i] as number;
  v[WORDA] = f.wordAfter[i] as number;
  // hash each template's slots (murmur-style mixing, then the finaliser)
  for (let k = 0; k < FEATURE_COUNT; k++) {
    const s = k * 3;
    let h = SEEDS[k] as number;
    let x = Math.imul(h ^ (v[SLOTS[s] as number] as number), M1);
    h = x ^ (x >>> 15);
    const ar = ARITY[k] as number;
    if (ar >= 2) {
      x = Math.imul(h ^ (v[SLOTS[s + 1] as number] as number), M1);
      h = x ^ (x >>> 15);
      if (ar === 3) {
        x = Math.imul(h ^ (v[SLOTS[s + 2] as number] as number), M1);
        h = x ^ (x >>> 15);
      }
    }
    x = h ^ (h >>> 16);
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    out[o + k] = ((x ^ (x >>> 16)) >>> 0) >>> shift;
  }
}

/** All features of a sentence: n × FEATURE_COUNT indices. */
export function sentenceFeatures(text: string, r: FeatureResources, bits: number): Int32Array {
  const f = sentenceFacts(text, r, true);
  const out = new Int32Array(text.length * FEATURE_COUNT);
  for (let i = 0; i < text.length; i++) positionFeatures(f, i, r, bits, out, i * FEATURE_COUNT);
  return out;
}
