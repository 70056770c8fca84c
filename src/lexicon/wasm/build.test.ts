import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AutomatonData, buildAutomaton } from '../automaton.js';
import { buildNormTable, DEFAULT_NORMALIZE, normalizeString } from '../normalize.js';
import { AUTOMATON } from '../serialize.js';
import { wasmAutomatonBuilder } from './build.js';
import { wasmLayout } from './layout.js';
import type { WasmLayout } from './types.js';

const table = buildNormTable(DEFAULT_NORMALIZE);
// every array the file stores but the normalisation table, which the builders are given, not build
const FIELDS = AUTOMATON.filter((k): k is Exclude<typeof k, 'norm'> => k !== 'norm');

const bytesOf = (v: ArrayBufferView | undefined): Buffer =>
  v ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : Buffer.alloc(0);
/** the fields whose arrays differ (compared byte for byte: toEqual on 64K-element arrays is slow) */
const differing = (a: AutomatonData, b: AutomatonData): string[] =>
  FIELDS.filter((k) => a[k]?.length !== b[k]?.length || !bytesOf(a[k]).equals(bytesOf(b[k])));
const same = (a: AutomatonData, b: AutomatonData): void => {
  expect(differing(a, b)).toEqual([]);
};

/** Units of keywords: CJK (some sharing prefixes), an Extension B pair, digits, the separator, ASCII. */
const unit = fc.constantFrom(...'色情网站赌博法轮功马阴道一二三abc059', '\ud86c\ude1c', '\u001f');
const patternSets = fc
  .uniqueArray(
    fc.array(unit, { minLength: 1, maxLength: 6 }).map((u) => u.join('')),
    {
      minLength: 1,
      maxLength: 60,
    },
  )
  .map((ks) => [...new Set(ks.map((k) => normalizeString(k, table)).filter((k) => k.length > 0))])
  .filter((ks) => ks.length > 0);

/** 5,000 seeded 2–6 character words over 400 common characters */
function manyWords(): string[] {
  // a seeded stream of 2–6 character words over 400 common characters
  const chars = [
    ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严',
  ];
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const words = new Set<string>();
  while (words.size < 5000) {
    let w = '';
    for (let i = 2 + rnd(5); i > 0; i--) w += chars[rnd(chars.length)];
    words.add(w);
  }
  return [...words];
}

describe('buildAutomaton in WebAssembly (assembly/build.ts)', () => {
  const build = wasmAutomatonBuilder();
  it('is built (npm run build)', () => {
    expect(build, 'dist/lexicon/wasm/build.wasm: run npm run build').toBeDefined();
  });

  it('makes the same tables as the JS build (property)', () => {
    if (!build) return;
    fc.assert(
      fc.property(patternSets, (patterns) => {
        same(buildAutomaton(patterns, table), build(patterns, table));
      }),
      { numRuns: 300 },
    );
  });

  it('makes the same tables for thousands of patterns (the hash grows several times)', () => {
    if (!build) return;
    const patterns = manyWords();
    same(buildAutomaton(patterns, table), build(patterns, table));
  });
});

describe('wasmLayout in WebAssembly (assembly/build.ts layout)', () => {
  const build = wasmAutomatonBuilder();
  const sameLayout = (patterns: string[]): void => {
    if (!build) return;
    const w = build(patterns, table);
    const j = wasmLayout(buildAutomaton(patterns, table));
    const { image: wi, ...wf } = w.wasm as WasmLayout;
    const { image: ji, ...jf } = j;
    expect(wf).toEqual(jf);
    expect(bytesOf(wi).equals(bytesOf(ji))).toBe(true);
  };
  it('lays the automaton out word for word as the JS layout (property)', () => {
    fc.assert(
      fc.property(patternSets, (patterns) => {
        sameLayout(patterns);
      }),
      { numRuns: 300 },
    );
  });
  it('and for thousands of patterns', () => {
    sameLayout(manyWords());
  });
});

describe('the WebAssembly builder on an alphabet too large', () => {
  it('fails as the JS build does', () => {
    const build = wasmAutomatonBuilder();
    if (!build) return;
    // every one of the 65,536 code units: one more symbol than the tables hold
    const patterns: string[] = [];
    for (let c = 0; c < 65536; c += 1024)
      patterns.push(String.fromCharCode(...Array.from({ length: 1024 }, (_, i) => c + i)));
    expect(() => buildAutomaton(patterns, table)).toThrow(/alphabet too large/);
    expect(() => build(patterns, table)).toThrow(/alphabet too large/);
  });
});
