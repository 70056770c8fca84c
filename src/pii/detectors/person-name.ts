import type { PiiDictionaries } from '../dictionaries.js';
import { type Detector, type Finding, finding } from '../types.js';

const HAN = 1;
const SURNAME = 2;
const STOP = 4;
const GIVEN = 8;
const TRANSLIT = 16;
const AMBIGUOUS = 32;

/** Words indexed by the code of their first (or last) character: one probe per text position. */
function indexBy(words: readonly string[], last: boolean): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) {
    const k = w.charCodeAt(last ? w.length - 1 : 0);
    const list = m.get(k);
    if (list) list.push(w);
    else m.set(k, [w]);
  }
  return m;
}

const MIN_SCORE = 0.6;
const isHanCode = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
const NAME_DOT = /[·•‧・\-－]/;
const LATIN_IN_PARENS = /^[（(]([A-Za-z][A-Za-z .'-]{1,40}[A-Za-z])[）)]/;

/**
 * Person names in running text, by dictionary and context (no statistical model):
 * - Chinese names: a surname (data/pii/surnames.txt) and one or two given-name characters, scored by
 *   what stands around them: a title or role right before (记者唐曜华, 副局长张涛, 总裁沈东军), a
 *   verb of speech right after (…认为, …表示), punctuation or a particle, and how name-like the given
 *   characters are. A candidate that continues a common word (公司执行 → 司执行, 共和党国 → 党国) or
 *   runs into an organisation or place suffix (…公司, …路) is no name. Surname characters that are
 *   mostly function words (和, 同, 高…) need a title or speech cue.
 * - Transliterated and minority names: runs of transliteration characters, joined by · (阿卜杜拉·艾尼瓦尔,
 *   约翰·摩尔), or undotted with a title or speech cue (主帅瓜迪奥拉表示); known places/teams are skipped.
 * - A Latin name in brackets right after a name found (伊桑·科恩（Ethan Coen）).
 * - A name found with good context is found again wherever it recurs in the same text.
 * Scores: a title/label cue plus a speech cue or clear boundary → high; one cue → medium.
 */
export function createPersonName(d: PiiDictionaries): Detector {
  const cues = d.nameCues;
  const flags = new Uint8Array(0x10000);
  for (let c = 0x4e00; c <= 0x9fff; c++) flags[c] = HAN;
  for (const s of d.surnames) flags[s.charCodeAt(0)] = (flags[s.charCodeAt(0)] ?? 0) | SURNAME;
  const setFlag = (chars: string, f: number) => {
    for (const ch of chars) if (!/\s/.test(ch)) flags[ch.charCodeAt(0)] = (flags[ch.charCodeAt(0)] ?? 0) | f;
  };
  setFlag(cues.stop, STOP);
  setFlag([...d.givenNameChars].join(''), GIVEN);
  setFlag(cues.translit, TRANSLIT);
  setFlag(cues['ambiguous-surnames'], AMBIGUOUS);
  const single = new Set(d.surnames.filter((x) => x.length === 1));
  const compound = new Set(d.surnames.filter((x) => x.length === 2));
  const titles = indexBy(cues.titles, true);
  const titlesAhead = indexBy(cues.titles, false);
  const labels = indexBy(cues.before.strong, true);
  const conj = indexBy(cues.before.weak, true);
  const speech = indexBy([...cues.speech, ...cues.after.strong, ...cues.after.weak], false);
  const orgSuffix = indexBy(cues['org-suffix'], false);
  const wordBefore = indexBy(cues['word-before'], true);
  const translitStop = cues['translit-stop'];
  const PARTICLE = new Set([...'的在是和与及等也就曾将已为、都还又被把向对从到给让并却均再于了']);
  // words that commonly stand right before a name inside a sentence (曼联的罗西, 由姚仕宪, 请杨熙)
  const LEFT_PARTICLE = new Set([...'的由给以将拿请问被让对向把据是为跟找见叫令派邀和与及、同']);
  const common = d.commonWords;
  const isCommon = (text: string, i: number, e: number): boolean => {
    for (let k = i + 2; k <= e; k++) if (common.has(text.slice(i, k))) return true;
    return false;
  };

  const endsAt = (index: Map<number, string[]>, text: string, end: number): string | undefined => {
    if (end <= 0) return undefined;
    const list = index.get(text.charCodeAt(end - 1));
    return list?.find((w) => end >= w.length && text.startsWith(w, end - w.length));
  };
  const startsAt = (index: Map<number, string[]>, text: string, at: number): string | undefined =>
    index.get(text.charCodeAt(at))?.find((w) => text.startsWith(w, at));

  /** Context before a candidate starting at i: 0.45 title/label, 0.15 boundary or conjunction, 0 inside text. */
  const leftScore = (text: string, i: number): { score: number; cue: boolean } => {
    if (i === 0) return { score: 0.15, cue: false };
    if (endsAt(titles, text, i)) return { score: 0.45, cue: true };
    let j = i;
    while (j > 0 && j > i - 2 && /[：:\s]/.test(text[j - 1] ?? '')) j--;
    if (endsAt(labels, text, j)) return { score: 0.45, cue: true };
    if (!isHanCode(text.charCodeAt(i - 1))) return { score: 0.15, cue: false };
    if (endsAt(conj, text, i)) return { score: 0.15, cue: false };
    if (LEFT_PARTICLE.has(text[i - 1] ?? '')) return { score: 0.1, cue: false };
    return { score: 0, cue: false };
  };
  /** Context after a candidate ending at e: 0.35 speech verb or title after, 0.2 boundary, 0.15 particle. */
  const rightScore = (text: string, e: number): { score: number; cue: boolean; blocked: boolean } => {
    if (e >= text.length) return { score: 0.2, cue: false, blocked: false };
    if (startsAt(speech, text, e)) return { score: 0.35, cue: true, blocked: false };
    if (startsAt(orgSuffix, text, e)) return { score: 0, cue: false, blocked: true };
    if (!isHanCode(text.charCodeAt(e))) return { score: 0.2, cue: false, blocked: false };
    if (PARTICLE.has(text[e] ?? '')) return { score: 0.15, cue: false, blocked: false };
    return { score: 0, cue: false, blocked: false };
  };

  function chinese(text: string, i: number): { end: number; score: number } | undefined {
    const two = text.slice(i, i + 2);
    const sl = compound.has(two) ? 2 : single.has(text[i] ?? '') ? 1 : 0;
    if (sl === 0) return undefined;
    if (endsAt(wordBefore, text, i + 1)) return undefined;
    // a surname and a title (李先生, 王局长) names nobody in particular
    if (startsAt(speech, text, i + sl) || startsAt(titlesAhead, text, i + sl)) return undefined;
    const left = leftScore(text, i);
    const ambiguous = sl === 1 && ((flags[text.charCodeAt(i)] ?? 0) & AMBIGUOUS) !== 0;
    let best: { end: number; score: number } | undefined;
    for (const g of [2, 1]) {
      const gs = i + sl;
      let nameLike = 0;
      let ok = gs + g <= text.length;
      for (let k = gs; ok && k < gs + g; k++) {
        const f = flags[text.charCodeAt(k)] ?? 0;
        if (!(f & HAN) || f & STOP) ok = false;
        else if (f & GIVEN) nameLike++;
      }
      if (!ok) continue;
      // the second given character starting a speech word or suffix belongs to what follows
      if (g === 2 && (startsAt(speech, text, gs + 1) || startsAt(orgSuffix, text, gs + 1))) continue;
      const e = gs + g;
      if (isCommon(text, i, e)) continue;
      const right = rightScore(text, e);
      if (right.blocked) continue;
      if (ambiguous && !left.cue && !right.cue) continue;
      if (left.score === 0 && right.score === 0) continue;
      const score = 0.2 + left.score + right.score + 0.1 * nameLike - (g === 1 && nameLike === 0 ? 0.05 : 0);
      if (!best || score > best.score + 1e-9) best = { end: e, score };
    }
    return best;
  }

  function translit(text: string, i: number): { end: number; score: number } | undefined {
    let e = i;
    let dotted = false;
    let letters = 0;
    for (;;) {
      while (e < text.length && (flags[text.charCodeAt(e)] ?? 0) & TRANSLIT) {
        e++;
        letters++;
      }
      if (
        e + 1 < text.length &&
        NAME_DOT.test(text[e] ?? '') &&
        (flags[text.charCodeAt(e + 1)] ?? 0) & TRANSLIT &&
        e > i
      ) {
        dotted = true;
        e++;
        continue;
      }
      break;
    }
    if (letters < 2) return undefined;
    const value = text.slice(i, e);
    if (!dotted && translitStop.some((w) => value.includes(w))) return undefined;
    const left = leftScore(text, i);
    const right = rightScore(text, e);
    if (right.blocked && !dotted) return undefined;
    if (dotted) return { end: e, score: 0.75 + (left.cue || right.cue ? 0.15 : 0) };
    if (!left.cue && !right.cue) return undefined;
    if (letters === 2 && !left.cue) return undefined;
    return { end: e, score: 0.2 + left.score + right.score + (letters >= 4 ? 0.1 : 0) };
  }

  return {
    type: 'person-name',
    detect(text) {
      const out: Finding[] = [];
      const n = text.length;
      let i = 0;
      while (i < n) {
        const f = flags[text.charCodeAt(i)] ?? 0;
        if (!(f & (SURNAME | TRANSLIT))) {
          i++;
          continue;
        }
        const prevTranslit = i > 0 && (flags[text.charCodeAt(i - 1)] ?? 0) & TRANSLIT;
        const c = f & SURNAME ? chinese(text, i) : undefined;
        const t = f & TRANSLIT && !prevTranslit ? translit(text, i) : undefined;
        const pick = c && t ? (t.end - i > c.end - i + 1 && t.score >= c.score - 0.1 ? t : c) : (c ?? t);
        if (pick && pick.score >= MIN_SCORE) {
          out.push(finding('person-name', text, i, pick.end, pick.score));
          const latin = LATIN_IN_PARENS.exec(text.slice(pick.end, pick.end + 44));
          if (latin?.[1]) {
            const s = pick.end + 1;
            out.push(finding('person-name', text, s, s + latin[1].length, Math.min(pick.score, 0.8)));
            i = s + latin[1].length;
          } else i = pick.end;
          continue;
        }
        i++;
      }
      return recur(text, out);
    },
  };
}

/** A name found with good context again wherever it recurs in the text (names repeat in an article). */
function recur(text: string, found: Finding[]): Finding[] {
  if (found.length === 0) return found;
  const all = [...found];
  const seen = new Set<string>();
  for (const f of found) {
    if (f.score < 0.7 || f.value.length < 2 || seen.has(f.value) || /[A-Za-z]/.test(f.value)) continue;
    seen.add(f.value);
    for (let at = text.indexOf(f.value); at >= 0; at = text.indexOf(f.value, at + 1)) {
      const end = at + f.value.length;
      if (all.some((g) => at < g.end && g.start < end)) continue;
      all.push(finding('person-name', text, at, end, Math.max(0.6, f.score - 0.15)));
    }
  }
  return all.length === found.length ? found : all.sort((a, b) => a.start - b.start);
}
