import type { PiiDictionaries } from '../dictionaries.js';
import type { Detector } from '../types.js';
import { pack3, packHan } from '../word-stats.js';

/** Per-sentence facts the features read: what the rule detectors found (B/I/O per character). */
export interface SentenceContext {
  rulePerson: Uint8Array;
  ruleAddress: Uint8Array;
}

export interface FeatureResources {
  dicts: PiiDictionaries;
  surnames: ReadonlySet<string>;
  person: Detector;
  address: Detector;
}

export function sentenceContext(text: string, r: FeatureResources): SentenceContext {
  const mark = (d: Detector) => {
    const tags = new Uint8Array(text.length);
    for (const f of d.detect(text)) for (let k = f.start; k < f.end; k++) tags[k] = k === f.start ? 1 : 2;
    return tags;
  };
  return { rulePerson: mark(r.person), ruleAddress: mark(r.address) };
}

/** Character class: Han, Latin letter, digit, the name separator ·, punctuation/space, other. */
export function charClass(ch: string | undefined): string {
  if (ch === undefined) return '_';
  const c = ch.charCodeAt(0);
  if (c >= 0x4e00 && c <= 0x9fff) return 'H';
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return 'L';
  if (c >= 48 && c <= 57) return 'D';
  if (ch === '·' || ch === '•' || ch === '-') return 'M';
  if (/\s|\p{P}/u.test(ch)) return 'P';
  return 'O';
}

/**
 * The features of position i (without the previous tag, added by the decoder): characters and
 * character pairs in a ±2 window, classes, and dictionary facts (surname here or just before,
 * given-name character). Strings, so a model file stays readable and independent of any hashing.
 */
export function positionFeatures(
  text: string,
  i: number,
  r: FeatureResources,
  ctx: SentenceContext,
): string[] {
  const d = r.dicts;
  const surnames = r.surnames;
  const c = (k: number) => text[i + k] ?? (i + k < 0 ? '^' : '$');
  const sur = (k: number) => surnames.has(c(k)) || surnames.has(c(k) + c(k + 1));
  return [
    'b',
    `u0${c(0)}`,
    `u-1${c(-1)}`,
    `u1${c(1)}`,
    `u-2${c(-2)}`,
    `u2${c(2)}`,
    `p-1${c(-1)}${c(0)}`,
    `p1${c(0)}${c(1)}`,
    `p-2${c(-2)}${c(-1)}`,
    `p2${c(1)}${c(2)}`,
    `k${charClass(text[i - 1])}${charClass(text[i])}${charClass(text[i + 1])}`,
    `s${sur(0) ? 1 : 0}${sur(-1) ? 1 : 0}${sur(-2) ? 1 : 0}`,
    `g${d.givenNameChars.has(c(0)) ? 1 : 0}${d.givenNameChars.has(c(1)) ? 1 : 0}`,
    `rp${ctx.rulePerson[i] ?? 0}${ctx.rulePerson[i - 1] ?? 0}`,
    `ra${ctx.ruleAddress[i] ?? 0}${ctx.ruleAddress[i - 1] ?? 0}`,
    `rpc${ctx.rulePerson[i] ?? 0}${c(0)}`,
    ...wordFeatures(text, i, d),
  ];
}

/** log odds in coarse steps, so a feature generalises across characters */
const bucket = (x: number): number => (x <= -2 ? -2 : x >= 3 ? 3 : Math.round(x));
const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/**
 * Facts from the general word list (jieba's, when installed): how surname-like and given-name-like
 * the characters around i are (log odds in steps), and whether an ordinary word covers i — the
 * features that carry over from one text genre to another, unlike the characters themselves.
 */
function wordFeatures(text: string, i: number, d: PiiDictionaries): string[] {
  const w = d.words;
  if (w === undefined) return [];
  const code = (k: number) => (i + k >= 0 && i + k < text.length ? text.charCodeAt(i + k) : 0);
  const a = code(-1);
  const b = code(0);
  const c = code(1);
  const han = (x: number) => x !== 0 && isHan(x);
  const w2l = han(a) && han(b) && w.words2.has(packHan(a, b)) ? 1 : 0;
  const w2r = han(b) && han(c) && w.words2.has(packHan(b, c)) ? 1 : 0;
  const w3 = han(a) && han(b) && han(c) && w.words3.has(pack3(a, b, c)) ? 1 : 0;
  const sur = bucket(w.surname[b] ?? 0);
  const g0 = bucket(w.given[b] ?? 0);
  const g1 = bucket(w.given[c] ?? 0);
  const gp = bucket(w.given[a] ?? 0);
  const sp = bucket(w.surname[a] ?? 0);
  return [
    `ws${sur}`,
    `wg${g0}${g1}`,
    `wsg${sur}${g1}`,
    `wpg${sp}${g0}`,
    `wgg${gp}${g0}`,
    `ww${w2l}${w2r}${w3}`,
    `wwg${w2l}${w2r}${g0}`,
  ];
}
