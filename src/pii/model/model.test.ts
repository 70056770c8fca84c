import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPiiDictionaries } from '../load.js';
import { charClass, FEATURE_COUNT, sentenceFeatures } from './features.js';
import { MODEL_VERSION, ModelVersionError, parseModel, serializeModel } from './model-file.js';
import { emissions, featureResources, textEmissions, train } from './perceptron.js';
import {
  createSequenceDetector,
  hasLetter,
  isStreetLevel,
  STREET_LEVEL as STREET,
} from './sequence-detector.js';
import { parseTrainingBio, parseTrainingJsonl } from './training-data.js';

const dicts = loadPiiDictionaries();
const SUR = [...'王李张刘陈杨赵黄周吴'];
const GIV = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超'];
// a context the rules know nothing about: only a model trained on it can learn it
const sentence = (n: string) => `档案甲${n}乙已核实`;

function names(count: number, seed: number): string[] {
  return fc.sample(
    fc
      .tuple(fc.constantFrom(...SUR), fc.constantFrom(...GIV), fc.constantFrom(...GIV))
      .map((t) => t.join('')),
    { numRuns: count, seed },
  );
}

describe('sequence model', () => {
  const data = names(200, 1).map((n) => ({
    text: sentence(n),
    spans: [{ type: 'person-name' as const, start: 3, end: 6 }],
  }));
  const model = train(data, dicts, { epochs: 3, bits: 16 });

  it('learns a context from labelled sentences and finds unseen names in it', () => {
    const det = createSequenceDetector(model, dicts, 'person-name');
    for (const n of names(20, 99)) expect(det.detect(sentence(n)).map((f) => f.value)).toEqual([n]);
  });

  it('tags no text without a letter, and reports no span without one (a span must hold one)', () => {
    const det = createSequenceDetector(model, dicts, 'person-name');
    expect(det.detect('13800138000, 2025-01-02 ¥300.00')).toEqual([]);
    expect(hasLetter('12-3 ，。', featureResources(dicts).cls)).toBe(false);
    expect(hasLetter('12 王', featureResources(dicts).cls)).toBe(true);
    expect(hasLetter('ｂ', featureResources(dicts).cls)).toBe(true);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789 ,.-:/，。（）') }), (t) => {
        expect(det.detect(t)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('never reports more than possible on its own, so a rule finding of 0.55 or more wins an overlap', () => {
    const det = createSequenceDetector(model, dicts, 'person-name');
    const texts = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(...names(20, 5)).map(sentence));
    fc.assert(
      fc.property(texts, (t) => {
        for (const f of det.detect(t)) {
          expect(f.confidence).toBe('possible');
          expect(f.score).toBeLessThanOrEqual(0.55);
        }
      }),
    );
  });

  it('keeps only street-level address spans', () => {
    expect(isStreetLevel('北京市朝阳区', STREET)).toBe(false);
    expect(isStreetLevel('朝阳区建国路', STREET)).toBe(true);
    expect(isStreetLevel('某某大楼十二号', STREET)).toBe(true);
    expect(isStreetLevel('幸福小区', STREET)).toBe(true);
  });

  it('round-trips through its weights file and rejects a foreign one', () => {
    const file = serializeModel(model, 'synthetic');
    const again = parseModel(JSON.parse(JSON.stringify(file)));
    const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(again.weights).equals(bytes(model.weights))).toBe(true);
    expect([...again.trans]).toEqual([...model.trans]);
    expect([...again.start]).toEqual([...model.start]);
    const a = createSequenceDetector(model, dicts, 'person-name');
    const b = createSequenceDetector(again, dicts, 'person-name');
    for (const n of names(5, 7)) expect(b.detect(sentence(n))).toEqual(a.detect(sentence(n)));
    expect(() => parseModel({ format: 'other', weights: {} })).toThrow();
    // a truncated weights column is refused, not read as zeros
    expect(() => parseModel({ ...file, weights: file.weights.slice(0, 8) })).toThrow();
  });

  it('names an older weights file as such (it must be retrained), whatever else it holds', () => {
    const old = { format: 'beian-pii-perceptron', version: 1, tags: [], weights: { b: [0, 0, 0, 0, 0] } };
    expect(() => parseModel(old)).toThrow(ModelVersionError);
    expect(() => parseModel({ ...serializeModel(model), version: MODEL_VERSION + 1 })).toThrow(
      ModelVersionError,
    );
  });

  it('trains deterministically: the same data gives the same weights, another seed other ones', () => {
    const few = data.slice(0, 40);
    const a = train(few, dicts, { epochs: 2, bits: 14 });
    const b = train(few, dicts, { epochs: 2, bits: 14 });
    const bytes = (m: typeof a) => Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength);
    expect(bytes(b).equals(bytes(a))).toBe(true);
    expect([...b.trans]).toEqual([...a.trans]);
    const c = train(few, dicts, { epochs: 2, bits: 14, seed: 99 });
    expect(bytes(c).equals(bytes(a))).toBe(false);
  });

  it('learns an address context too, and reports only street-level spans', () => {
    const streets = fc.sample(fc.constantFrom(...'东南西北中'), { numRuns: 60, seed: 3 });
    const addr = streets.map((c, k) => {
      const place = `${'甲乙丙丁'[k % 4]}${c}路${(k % 9) + 1}号`;
      return {
        text: `寄往${place}即可`,
        spans: [{ type: 'address' as const, start: 2, end: 2 + place.length }],
      };
    });
    const m = train([...addr, ...data.slice(0, 60)], dicts, { epochs: 4, bits: 16 });
    const det = createSequenceDetector(m, dicts, 'address');
    expect(det.detect('寄往丙东路7号即可').map((f) => f.value)).toEqual(['丙东路7号']);
  });
});

describe('features', () => {
  const res = featureResources(dicts);
  it('gives every position the same number of features, each inside the hash table', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 10, max: 22 }), (t, bits) => {
        const f = sentenceFeatures(t, res, bits);
        expect(f.length).toBe(t.length * FEATURE_COUNT);
        for (const x of f) expect(x >= 0 && x < 2 ** bits).toBe(true);
        expect(sentenceFeatures(t, res, bits)).toEqual(f);
      }),
    );
  });

  it('gives a text the same features whatever text came before it (the facts arrays are reused)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 20 }), (long, t) => {
        const shared = featureResources(dicts);
        sentenceFeatures(`记者王明说${long}北京市朝阳区建国路8号`, shared, 16);
        expect(sentenceFeatures(t, shared, 16)).toEqual(sentenceFeatures(t, featureResources(dicts), 16));
      }),
      { numRuns: 40 },
    );
  });

  it('scores a text straight from it as from its feature array, to the bit', () => {
    const w = Float32Array.from({ length: (1 << 12) * 5 }, (_, k) => Math.sin(k) * 3);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => {
        const a = emissions(w, sentenceFeatures(t, res, 12), t.length);
        expect([...textEmissions(w, t, res, 12)]).toEqual([...a]);
      }),
      { numRuns: 60 },
    );
  });

  it('reads the class of a character', () => {
    expect([...'王Ab3·，'].map((c) => charClass(c.charCodeAt(0)))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(charClass(0xffff)).toBe(0);
  });

  it('sees what a cue tells: the same name after a title and after nothing differ', () => {
    const a = sentenceFeatures('记者王明说', res, 18);
    const b = sentenceFeatures('今天王明说', res, 18);
    const at = (f: Int32Array, i: number) => [...f.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT)];
    // the surname's own character features agree, its context features do not
    expect(at(a, 2)[1]).toBe(at(b, 2)[1]);
    expect(at(a, 2)).not.toEqual(at(b, 2));
  });
});

describe('training data', () => {
  it('reads JSONL spans and the CLUENER shape, and names bad lines', () => {
    const text = [
      JSON.stringify({ text: '记者王小明报道', spans: [{ type: 'person-name', start: 2, end: 5 }] }),
      JSON.stringify({
        text: '住在文汇路的李华',
        label: { address: { 文汇路: [[2, 4]] }, name: { 李华: [[6, 7]] }, game: { x: [[0, 0]] } },
      }),
      '{broken',
      JSON.stringify({ text: '短', spans: [{ type: 'person-name', start: 0, end: 9 }] }),
    ].join('\n');
    const r = parseTrainingJsonl(text);
    expect(r.sentences.map((s) => s.spans)).toEqual([
      [{ type: 'person-name', start: 2, end: 5 }],
      [
        { type: 'address', start: 2, end: 5 },
        { type: 'person-name', start: 6, end: 8 },
      ],
    ]);
    expect(r.issues.map((i) => i.line)).toEqual([3, 4]);
  });

  it('reads BIO/BIOES files with PER and ADDR tags, dropping nominal mentions', () => {
    const bio = [
      '记0 O',
      '者1 O',
      '王0 B-PER.NAM',
      '明1 I-PER.NAM',
      '说0 O',
      '',
      '家0 B-PER.NOM',
      '住0 O',
      '文0 B-ADDR',
      '汇1 I-ADDR',
      '路2 E-ADDR',
    ].join('\n');
    const r = parseTrainingBio(bio);
    expect(r.sentences).toEqual([
      { text: '记者王明说', spans: [{ type: 'person-name', start: 2, end: 4 }] },
      { text: '家住文汇路', spans: [{ type: 'address', start: 2, end: 5 }] },
    ]);
  });
});
