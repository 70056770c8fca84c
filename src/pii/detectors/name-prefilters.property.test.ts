import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPiiDictionaries } from '../load.js';
import { WordIndex } from './code-tables.js';
import {
  createPersonName,
  HAS_LOWER,
  HAS_MIDDLE_DOT,
  HAS_PAREN,
  HAS_UPPER,
  textFacts,
} from './person-name.js';
import { createTransliteratedNames, MAY_HAVE_DOT, MAY_HAVE_LATIN } from './transliterated-name.js';

// The name detectors' cheap tests that stand before dearer ones (session 7): each may only rule
// out what the dearer test would rule out too.

// a small alphabet so that words and texts overlap often: Han, transliteration characters, Latin,
// the name dots, brackets, an astral character
const ch = fc.constantFrom(
  ...('的了之也你國长记者张王李阿卜杜拉克斯·•‧・-（()AZaqz说表示、和𠀋 '.match(/[\s\S]/gu) ?? []),
);
const str = (max: number) => fc.array(ch, { maxLength: max }).map((a) => a.join(''));

describe('name detectors: prefilters', () => {
  it('textFacts marks a Latin letter of each case and a name dot exactly where the text has one', () => {
    fc.assert(
      fc.property(str(30), (text) => {
        const f = textFacts(text);
        expect((f & HAS_LOWER) !== 0).toBe(/[a-z]/.test(text));
        expect((f & HAS_UPPER) !== 0).toBe(/[A-Z]/.test(text));
        expect((f & HAS_MIDDLE_DOT) !== 0).toBe(/[·•‧・]/.test(text));
        expect((f & HAS_PAREN) !== 0).toBe(/[(（]/.test(text));
      }),
    );
  });

  it("a word index finds a word only where the text's character starts (ends) one of its words", () => {
    // (why a cue list's bit in the character flags can stand before the index: same answers)
    fc.assert(
      fc.property(fc.array(str(4), { maxLength: 8 }), str(20), (words, text) => {
        const first = new Set(words.filter((w) => w.length > 0).map((w) => w.charCodeAt(0)));
        const last = new Set(words.filter((w) => w.length > 0).map((w) => w.charCodeAt(w.length - 1)));
        const starts = new WordIndex(words, false);
        const ends = new WordIndex(words, true);
        for (let at = 0; at <= text.length; at++) {
          if (starts.longestStartingAt(text, at) > 0) expect(first.has(text.charCodeAt(at))).toBe(true);
          if (ends.longestEndingAt(text, at) > 0) expect(last.has(text.charCodeAt(at - 1))).toBe(true);
        }
      }),
    );
  });

  it('the transliterated-name pass finds the same with the hints of textFacts as without any', () => {
    const pass = createTransliteratedNames(loadPiiDictionaries());
    fc.assert(
      fc.property(str(40), (text) => {
        const f = textFacts(text);
        const hints =
          (f & HAS_MIDDLE_DOT ? MAY_HAVE_DOT : 0) | (f & (HAS_UPPER | HAS_LOWER) ? MAY_HAVE_LATIN : 0);
        const plain = pass(text, []);
        const hinted = pass(text, [], hints);
        expect(hinted.added).toEqual(plain.added);
        expect([...hinted.replaced]).toEqual([...plain.replaced]);
      }),
      { numRuns: 300 },
    );
  });

  it('the person-name detector finds the same with its context tables (LEFT_ZERO, RIGHT_ZERO) as without', () => {
    const d = loadPiiDictionaries();
    const fast = createPersonName(d);
    const full = createPersonName(d, { prefilters: false });
    const cues = d.nameCues;
    // words and characters of every kind the context scores read: surnames, given-name characters,
    // titles and labels before a name, speech words, adverbs, regions and organisation words after
    // one, particles, conjunctions, label gaps and punctuation
    const pieces = [
      ...d.surnames.slice(0, 60),
      ...[...d.givenNameChars].slice(0, 60),
      ...cues.titles.slice(0, 40),
      ...cues.before.strong.slice(0, 20),
      ...cues.before.weak.slice(0, 10),
      ...cues.speech.slice(0, 20),
      ...cues.after.strong.slice(0, 10),
      ...cues['org-suffix'].slice(0, 20),
      ...(d.transliteration?.adverbs ?? []).slice(0, 10),
      ...d.regions.slice(0, 10),
      ...'的在是和与及等也就由给以将请被让对向把、，。：: \n版《》（）某小阿斯克'.split(''),
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(fast.detect(t)).toEqual(full.detect(t));
      }),
      { numRuns: 2000 },
    );
  });
});
