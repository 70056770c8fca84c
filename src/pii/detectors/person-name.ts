import type { PiiDictionaries } from '../dictionaries.js';
import { type Detector, type Finding, finding } from '../types.js';

const isHan = (ch: string | undefined): boolean => ch !== undefined && /^[\u4e00-\u9fff]$/.test(ch);

interface Cue {
  w: string;
  strong: boolean;
}

/** Cue words indexed by the UTF-16 code of their first character: one pass finds all of them. */
function indexCues(cues: readonly Cue[]): Map<number, Cue[]> {
  const m = new Map<number, Cue[]>();
  for (const c of [...cues].sort((a, b) => b.w.length - a.w.length)) {
    const k = c.w.charCodeAt(0);
    m.set(k, [...(m.get(k) ?? []), c]);
  }
  return m;
}

/** Every cue occurrence in text order (plain loop: this is the detector's hot path). */
function cueHits(text: string, index: Map<number, Cue[]>): Array<{ at: number; cue: Cue }> {
  const out: Array<{ at: number; cue: Cue }> = [];
  for (let i = 0; i < text.length; i++) {
    const list = index.get(text.charCodeAt(i));
    if (list === undefined) continue;
    for (const c of list) if (c.w.length === 1 || text.startsWith(c.w, i)) out.push({ at: i, cue: c });
  }
  return out;
}

/**
 * Chinese personal names, by dictionary and context: a known surname followed by one or two
 * given-name characters, introduced by a cue before (姓名：, 联系人, 收件人…) or after (先生, 女士,
 * 经理…, or a speech verb). Bare surname+characters without a cue are not reported: in running
 * text they are mostly ordinary words (王孙, 黄河, 高山).
 */
export function createPersonName(d: PiiDictionaries): Detector {
  const cues = d.nameCues;
  const stop = new Set([...cues.stop]);
  const afterWords = [
    ...cues.after.strong.map((w) => ({ w, strong: true })),
    ...cues.after.weak.map((w) => ({ w, strong: false })),
  ].sort((a, b) => b.w.length - a.w.length);
  const beforeIndex = indexCues([
    ...cues.before.strong.map((w) => ({ w, strong: true })),
    ...cues.before.weak.map((w) => ({ w, strong: false })),
  ]);
  const afterIndex = indexCues(afterWords);
  // sets, not list scans: these run at every cue hit
  const single = new Set(d.surnames.filter((x) => x.length === 1));
  const compound = new Set(d.surnames.filter((x) => x.length === 2));
  const surnameAt = (text: string, i: number): string | undefined => {
    const two = text.slice(i, i + 2);
    if (compound.has(two)) return two;
    const one = text[i] ?? '';
    return single.has(one) ? one : undefined;
  };
  const surnameEndingAt = (text: string, end: number): string | undefined => {
    const two = end >= 2 ? text.slice(end - 2, end) : '';
    if (compound.has(two)) return two;
    const one = text[end - 1] ?? '';
    return single.has(one) ? one : undefined;
  };
  const givenOk = (ch: string | undefined): boolean => isHan(ch) && !stop.has(ch ?? '');
  const afterCueAt = (text: string, i: number) =>
    afterIndex.get(text.charCodeAt(i))?.find((a) => text.startsWith(a.w, i));
  const bonus = (given: string): number =>
    [...given].reduce((s, ch) => s + (d.givenNameChars.has(ch) ? 0.1 : 0), 0);

  return {
    type: 'person-name',
    detect(text) {
      const best = new Map<number, Finding>();
      const add = (start: number, end: number, score: number) => {
        const prev = best.get(start);
        const f = finding('person-name', text, start, end, score);
        if (!prev || prev.score < f.score) best.set(start, f);
      };
      for (const {
        at,
        cue: { w, strong },
      } of cueHits(text, beforeIndex)) {
        let p = at + w.length;
        while (p < text.length && p - at - w.length < 2 && /[：:\s]/.test(text[p] ?? '')) p++;
        const s = surnameAt(text, p);
        if (!s) continue;
        let end = p + s.length;
        let given = '';
        while (given.length < 2 && givenOk(text[end]) && !afterCueAt(text, end)) {
          given += text[end];
          end++;
        }
        // a two-character given name whose second character is not name-like is more often
        // a one-character name followed by a word (张伟说 → 说 is stopped; 张伟去 → 去 is stopped)
        if (given.length === 0) continue;
        const cueAfter = afterCueAt(text, end);
        const followedByHan = isHan(text[end]) && !cueAfter;
        const base = strong ? 0.75 : 0.5;
        add(p, end, base + bonus(given) + (cueAfter ? 0.1 : 0) - (followedByHan ? 0.15 : 0));
      }
      for (const {
        at: j,
        cue: { strong },
      } of cueHits(text, afterIndex)) {
        const candidate = (len: number) => {
          const gStart = j - len;
          const given = text.slice(gStart, j);
          if (gStart <= 0 || ![...given].every((ch) => givenOk(ch))) return undefined;
          const s = surnameEndingAt(text, gStart);
          return s ? { start: gStart - s.length, given } : undefined;
        };
        const two = candidate(2);
        const one = candidate(1);
        // prefer a two-character given name when it looks like one
        const chosen = two && (bonus(two.given) >= 0.1 || !one) ? two : (one ?? two);
        if (!chosen) continue;
        if (isHan(text[chosen.start - 1]) && !strong) continue;
        add(chosen.start, j, (strong ? 0.75 : 0.5) + bonus(chosen.given));
      }
      return [...best.values()].sort((a, b) => a.start - b.start);
    },
  };
}
