import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeSet, WordIndex } from './code-tables.js';
import { HAS_PAREN, HAS_UPPER, READS_MODERN, textFacts } from './person-name.js';

// a small alphabet so that words and texts overlap often: Han, Latin, brackets, an astral character
const ch = fc.constantFrom(...('的了之也后是你於國长局记者张王李（()AZaz说表示𠀋'.match(/[\s\S]/gu) ?? []));
const str = (max: number) => fc.array(ch, { maxLength: max }).map((a) => a.join(''));

describe('code tables: the same answers as the Set/Map they replace', () => {
  it('CodeSet.has equals a Set of first UTF-16 codes, also past the end of a text (NaN)', () => {
    fc.assert(
      fc.property(str(12), str(20), (chars, text) => {
        const set = new CodeSet(chars);
        const ref = new Set([...chars].map((c) => c.charCodeAt(0)));
        for (let i = 0; i <= text.length; i++)
          expect(set.has(text.charCodeAt(i))).toBe(ref.has(text.charCodeAt(i)));
      }),
    );
  });

  it('WordIndex finds exactly the words a Map by first/last code holds, longest first', () => {
    fc.assert(
      fc.property(
        fc.array(
          str(4).filter((w) => w.length > 0),
          { maxLength: 12 },
        ),
        str(24),
        fc.boolean(),
        (words, text, last) => {
          const index = new WordIndex(words, last);
          const ref = new Map<number, string[]>();
          for (const w of [...new Set(words)].sort((a, b) => b.length - a.length)) {
            const k = w.charCodeAt(last ? w.length - 1 : 0);
            ref.set(k, [...(ref.get(k) ?? []), w]);
          }
          for (let i = 0; i <= text.length; i++) {
            const c = text.charCodeAt(i);
            expect(index.get(c)).toEqual(ref.get(c));
            expect(index.has(c)).toBe(ref.has(c));
            if (!last)
              expect(index.startsAt(text, i)).toBe((ref.get(c) ?? []).some((w) => text.startsWith(w, i)));
          }
        },
      ),
    );
  });

  it('WordIndex longest matches equal the longest word of the list that starts (ends) there', () => {
    fc.assert(
      fc.property(fc.array(str(4), { maxLength: 16 }), str(24), fc.boolean(), (words, text, last) => {
        const index = new WordIndex(words, last);
        const longest = (ok: (w: string) => boolean): number =>
          words.filter((w) => w.length > 0 && ok(w)).reduce((n, w) => Math.max(n, w.length), 0);
        for (let i = -1; i <= text.length + 1; i++) {
          if (last)
            expect(index.longestEndingAt(text, i)).toBe(
              longest((w) => i >= w.length && text.startsWith(w, i - w.length)),
            );
          else {
            const n = longest((w) => i >= 0 && text.startsWith(w, i));
            expect(index.longestStartingAt(text, i)).toBe(n);
            expect(index.startsAt(text, i)).toBe(n > 0);
          }
        }
      }),
    );
  });

  it('textFacts is the classical-text test, a ( or （, and an ASCII capital, in one pass', () => {
    const SCRIPT_MODERN = '的了们这吗呢么说个你她您啊呀吧哦嘛啦哈嗯噢呵咋啥俺咱很';
    const CLASSICAL =
      '之乎也矣焉曰於與兮爲為們這個說國東書長門時會寧詩將無來對還從後發經過開關問題見愛聽現實學覺頭處變體點樣風雲龍鳥馬魚車聲歸舊間萬華義';
    // 之 and 也 starting a modern word (之后, 也是) mark modern text instead
    const modernWord = /^(?:之[后前一间际类余初]|也[是有在没会要能可就都很还将许曾已被把让从正])/;
    const readsModern = (text: string): boolean => {
      let modernSeen = false;
      let classical = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text[i] as string;
        if (SCRIPT_MODERN.includes(c) || modernWord.test(text.slice(i, i + 2))) modernSeen = true;
        // (also before a Han character is neither: 也表示, 也不)
        else if (c === '也' && /^[\u4e00-\u9fff]$/.test(text[i + 1] ?? '')) continue;
        else if (CLASSICAL.includes(c) && ++classical >= 2) return false;
      }
      return classical === 0 || modernSeen;
    };
    fc.assert(
      fc.property(str(30), (text) => {
        const f = textFacts(text);
        expect((f & READS_MODERN) !== 0).toBe(readsModern(text));
        expect((f & HAS_PAREN) !== 0).toBe(text.includes('(') || text.includes('（'));
        expect((f & HAS_UPPER) !== 0).toBe(/[A-Z]/.test(text));
      }),
    );
  });
});
