import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPiiDictionaries } from '../load.js';
import { parseModel, serializeModel } from './model-file.js';
import { train } from './perceptron.js';
import { createSequenceDetector } from './sequence-detector.js';
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
  const model = train(data, dicts, { epochs: 3 });

  it('learns a context from labelled sentences and finds unseen names in it', () => {
    const det = createSequenceDetector(model, dicts, 'person-name');
    for (const n of names(20, 99)) expect(det.detect(sentence(n)).map((f) => f.value)).toEqual([n]);
  });

  it('never reports high confidence on its own', () => {
    const det = createSequenceDetector(model, dicts, 'person-name');
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (t) => {
        for (const f of det.detect(t)) expect(f.confidence).not.toBe('high');
      }),
    );
  });

  it('round-trips through its weights file and rejects a foreign one', () => {
    const again = parseModel(JSON.parse(JSON.stringify(serializeModel(model, 'synthetic'))));
    const a = createSequenceDetector(model, dicts, 'person-name');
    const b = createSequenceDetector(again, dicts, 'person-name');
    for (const n of names(5, 7)) expect(b.detect(sentence(n))).toEqual(a.detect(sentence(n)));
    expect(() => parseModel({ format: 'other', weights: {} })).toThrow();
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
