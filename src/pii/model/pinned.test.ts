import { describe, expect, it } from 'vitest';
import { buildDictionaries } from '../dictionaries.js';
import { type Detector, type Finding, finding } from '../types.js';
import { FEATURE_COUNT, featureResources, positionFeatures, sentenceFacts } from './features.js';
import { decodeSpans, textEmissions, train } from './perceptron.js';

/**
 * Pins the feature set to fixed values: the hashed ids positionFeatures gives a few sentences
 * (written for this test), template by template, and what a small model trained here scores and
 * tags. A weights file records the feature-set version, so a template that changes silently
 * would make every saved model read different features: this test fails first. The dictionaries
 * are built here from small lists (not data/pii), so an edit to the shipped word lists does not
 * move these values; the stacked features read two fixed stand-in detectors, not the rules.
 * If a change to the features is meant, it is a new FEATURE_SET and these values are re-pinned.
 */

const cues = {
  before: { strong: ['联系人', '姓名'], weak: ['和'] },
  after: { strong: ['先生'], weak: ['说'] },
  stop: '的了',
  'soft-stop': '在',
  'place-end': '市区',
  'address-forms': ['女士'],
  titles: ['记者', '教授', 'Dr.'],
  speech: ['表示', '说：'],
  'org-suffix': ['公司'],
  'word-before': ['由'],
  'ambiguous-surnames': '高',
  translit: '约翰斯密',
  'translit-stop': ['的'],
};
const translit = {
  chars: '史琼',
  'dotted-chars': '·',
  'surname-endings': ['斯'],
  adverbs: ['也'],
  after: ['到达'],
  before: ['球员'],
  'latin-before': ['Mr'],
  'place-after': ['队'],
  'not-names': ['约翰逊'],
};
const address = {
  'province-suffix': ['省'],
  'city-suffix': ['市'],
  'district-suffix': ['区', '县'],
  'town-suffix': ['镇', '街道'],
  'street-suffix': ['路', '街', '巷'],
  'detail-suffix': ['号', '栋', '室', '小区'],
  labels: ['地址', '住址：'],
  'value-labels': ['地址'],
  'not-street': ['马路'],
  'not-place': ['东方'],
  stop: '，。',
};
const wordFrequencies = [
  '北京 900 ns',
  '北京市 300 ns',
  '朝阳区 80 ns',
  '建国路 20 ns',
  '幸福小区 6 ns',
  '记者 500 n',
  '小区 300 n',
  '幸福 200 a',
  '电话 300 n',
  '联系 200 v',
  '到达 100 v',
  '今天 400 t',
  '已经 300 d',
  '核实 40 v',
  '档案 60 n',
  '王者风范 5 i',
  '王小明 5 nr',
  '李华 3 nr',
  '张伟 4 nr',
  '陈静 6 nr',
  '约翰 10 nrt',
  '史密斯 10 nrt',
  '王芳 2 nr',
  '李强 2 nr',
  '明天 300 t',
  '小明 30 nr',
].join('\n');

const dicts = buildDictionaries({
  surnames: '王 李 张 陈 欧阳 司马',
  givenNameChars: '小明华伟静芳强',
  regions: '北京 上海',
  nameCues: cues,
  transliteration: translit,
  address,
  wordFrequencies,
});

const SENTENCES = [
  '记者王小明在北京市朝阳区建国路8号说：',
  'Dr. Smith和约翰·史密斯于2025-01-02到达。',
  'ＡＢＣ１２３ｘ',
  '王',
  '李华说，他住在幸福小区3栋402室。',
  '🙂张伟😀先生',
  '联系人：陈静，电话13800138000',
  '欧阳明天表示王者风范',
  '  \t司马琼斯女士\n地址：上海',
];

/** a stand-in rule detector: fixed spans, so the stacked templates see every confidence and both tags */
const stub = (type: 'person-name' | 'address', spans: Record<string, Array<[number, number, number]>>) =>
  ({
    type,
    detect(text: string): Finding[] {
      return (spans[text] ?? []).map(([s, e, score]) => finding(type, text, s, e, score));
    },
  }) as Detector;
const person = stub('person-name', {
  [SENTENCES[0] as string]: [[2, 5, 0.9]],
  [SENTENCES[4] as string]: [[0, 2, 0.6]],
  [SENTENCES[6] as string]: [[4, 6, 0.45]],
});
const addr = stub('address', {
  [SENTENCES[0] as string]: [[6, 16, 0.8]],
  [SENTENCES[4] as string]: [[7, 16, 0.5]],
});

/** FNV-1a over 32-bit words */
const fnv = (xs: Iterable<number>): number => {
  let h = 0x811c9dc5;
  for (const x of xs) {
    for (let b = 0; b < 32; b += 8) h = Math.imul(h ^ ((x >>> b) & 0xff), 0x01000193);
  }
  return h >>> 0;
};
const words = (a: Float32Array | Float64Array): Uint32Array =>
  new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4);

/** every sentence's feature rows, through positionFeatures itself (the hot path) */
function rows(res: ReturnType<typeof featureResources>, bits: number): Int32Array[] {
  return SENTENCES.map((s) => {
    const f = sentenceFacts(s, res, true);
    const out = new Int32Array(s.length * FEATURE_COUNT);
    for (let i = 0; i < s.length; i++) positionFeatures(f, i, res, bits, out, i * FEATURE_COUNT);
    return out;
  });
}
/** per template: a digest of its ids at every position of every sentence, in order */
const perTemplate = (all: Int32Array[]): number[] =>
  Array.from({ length: FEATURE_COUNT }, (_, t) =>
    fnv(
      all.flatMap((r) =>
        Array.from({ length: r.length / FEATURE_COUNT }, (_, i) => r[i * FEATURE_COUNT + t] as number),
      ),
    ),
  );
const distinct = (all: Int32Array[], t: number): number =>
  new Set(
    all.flatMap((r) => Array.from({ length: r.length / FEATURE_COUNT }, (_, i) => r[i * FEATURE_COUNT + t])),
  ).size;

describe('pinned feature values', () => {
  const plain = featureResources(dicts, undefined, undefined);
  const stacked = featureResources(dicts, person, addr);

  it('exercises every template: each takes several ids over these sentences (the bias one)', () => {
    const all = rows(stacked, 18);
    const counts = Array.from({ length: FEATURE_COUNT }, (_, t) => distinct(all, t));
    expect(counts[0]).toBe(1);
    for (let t = 1; t < FEATURE_COUNT; t++) expect(counts[t], `template ${t}`).toBeGreaterThan(2);
  });

  it('gives these sentences the same ids as when the values were pinned, template by template', () => {
    expect(perTemplate(rows(plain, 18))).toEqual(PLAIN_18);
    expect(perTemplate(rows(stacked, 18))).toEqual(STACKED_18);
    expect(perTemplate(rows(stacked, 24))).toEqual(STACKED_24);
  });

  it('gives the first sentence these exact ids (bits 12)', () => {
    const [first] = rows(stacked, 12);
    expect(Array.from((first as Int32Array).subarray(0, 3 * FEATURE_COUNT))).toEqual(FIRST_3_POSITIONS);
  });
});

describe('pinned model output', () => {
  const SUR = [...'王李张陈'];
  const GIV = [...'小明华伟静芳强'];
  const data = Array.from({ length: 80 }, (_, k) => {
    const name = `${SUR[k % 4]}${GIV[(k * 3) % 7]}${k % 3 === 0 ? '' : GIV[(k * 5 + 1) % 7]}`;
    const place = `${'甲乙丙丁'[k % 4]}${'东南西北中'[k % 5]}路${(k % 9) + 1}号`;
    return k % 2 === 0
      ? {
          text: `档案甲${name}说已核实`,
          spans: [{ type: 'person-name' as const, start: 3, end: 3 + name.length }],
        }
      : {
          text: `寄往${place}交给${name}先生`,
          spans: [
            { type: 'address' as const, start: 2, end: 2 + place.length },
            { type: 'person-name' as const, start: 4 + place.length, end: 4 + place.length + name.length },
          ],
        };
  });
  const model = train(data, dicts, { epochs: 3, bits: 14 });
  const res = featureResources(dicts, undefined, undefined);
  const probes = ['档案甲陈芳说已核实', '寄往丙西路4号交给李静先生', ...SENTENCES];

  it('trains to the same weights, transitions and margin unit', () => {
    expect(fnv(new Uint32Array(model.weights.buffer))).toBe(MODEL.weights);
    expect(Array.from(model.trans)).toEqual(MODEL.trans);
    expect(Array.from(model.start)).toEqual(MODEL.start);
    expect(model.marginScale).toBe(MODEL.marginScale);
  });

  it('scores and tags the probe texts as when pinned', () => {
    expect(probes.map((t) => fnv(words(textEmissions(model.weights, t, res, model.bits))))).toEqual(
      MODEL.emissions,
    );
    expect(probes.map((t) => decodeSpans(model, t, res))).toEqual(MODEL.spans);
  });
});

// ---- the pinned values (session 9, before positionFeatures was rewritten one line per template)

const PLAIN_18 = [
  3847734725, 2303050467, 2221482025, 1957213055, 606182489, 3342856449, 2331999175, 1376686291, 2113805556,
  1964643945, 4291491561, 301954676, 3967756127, 2823862365, 2435848129, 4113196921, 81840915, 62507960,
  2119261472, 51301623, 4067616883, 2887957354, 2220764681, 2257051563, 3901514890, 1671093943, 2105995209,
  2278616226, 650309720, 56361125, 2198970506, 2230604396, 3445072773, 905088926, 4274663503, 4062295246,
  1530178904, 187553989, 2090766789, 3247503017, 475335810, 2936302217, 2194777529, 3582660336, 694953578,
  2363318149, 2077741031, 156345770, 229050753, 4128188706, 3473849057,
];
const STACKED_18 = [
  3847734725, 2303050467, 2221482025, 1957213055, 606182489, 3342856449, 2331999175, 1376686291, 2113805556,
  1964643945, 4291491561, 301954676, 3967756127, 2823862365, 2435848129, 4113196921, 81840915, 62507960,
  2119261472, 51301623, 4067616883, 2887957354, 2220764681, 2257051563, 3901514890, 1671093943, 2105995209,
  2278616226, 650309720, 56361125, 2198970506, 2230604396, 3445072773, 905088926, 680215862, 4062295246,
  1530178904, 2472254087, 1917057054, 1880986491, 2401982290, 2359344691, 2194777529, 1456315066, 694953578,
  2363318149, 2077741031, 156345770, 229050753, 4128188706, 3473849057,
];
const STACKED_24 = [
  1750312389, 117297627, 144532726, 995016230, 263392140, 1625287603, 3539728190, 904618773, 2925615516,
  1392231153, 3370178540, 1952775094, 3430149108, 4093186445, 99776436, 2234155474, 2520940915, 1615834968,
  1325577800, 3369239467, 1682675661, 232365962, 2303507601, 3454684284, 4105428643, 3069772212, 1248897965,
  2991234204, 143827807, 892804352, 1995284883, 1366646741, 845419374, 615917026, 993581807, 150236159,
  1724933642, 2031057889, 3443876972, 477737682, 960348607, 516252279, 1937069026, 3710424452, 1461892559,
  2675415057, 277291322, 3512308235, 602994689, 1482898477, 1415350060,
];
const FIRST_3_POSITIONS = [
  1760, 2038, 3383, 2245, 2258, 1934, 1518, 1745, 2650, 2305, 3785, 3751, 3376, 1820, 1960, 1129, 1348, 3470,
  3179, 231, 1838, 3163, 3082, 2203, 2440, 2738, 1877, 1457, 530, 2086, 599, 3360, 1841, 2081, 581, 6, 1034,
  2888, 1957, 1139, 3103, 66, 4091, 2225, 1771, 4020, 919, 2405, 2320, 2823, 608, 1760, 3527, 3228, 1616,
  2258, 1117, 1518, 1921, 620, 2300, 3646, 1879, 3376, 1305, 3938, 850, 1776, 2708, 867, 231, 2943, 2681,
  3503, 1196, 2847, 2738, 1288, 177, 3093, 245, 599, 3360, 1751, 194, 581, 6, 1230, 3406, 1957, 393, 3692, 66,
  101, 1621, 1771, 4020, 447, 2405, 1417, 2122, 3888, 1760, 1466, 3408, 2106, 1017, 108, 1518, 674, 3839,
  1936, 3497, 1805, 3792, 1113, 846, 3132, 857, 1452, 320, 231, 3796, 1599, 1753, 625, 3133, 2609, 3231, 1567,
  1001, 704, 2395, 3360, 1040, 1036, 517, 6, 643, 195, 1957, 3253, 3335, 66, 2007, 3258, 465, 4020, 1149,
  1244, 2551, 2559, 3774,
];
const MODEL = {
  weights: 2329818485,
  trans: [
    -3.2157676219940186, 1.9834024906158447, 0, 0.029045643284916878, 0, -2.9543569087982178,
    -0.7468879818916321, 3.9460580348968506, 0, 0, 4.9377593994140625, 0, -2.9958505630493164, 0, 0,
    -2.9004149436950684, 0, 0, 0, 1.9502074718475342, 2.9294605255126953, 0, 0, 0, -2.962655544281006,
  ],
  start: [1.9709542989730835, -0.9917012453079224, 0, -0.9792531132698059, 0],
  marginScale: 40.50622421503067,
  emissions: [
    2531191017, 1698835253, 826737452, 1618033002, 2540211574, 1728611672, 203373972, 2617482733, 3850033208,
    3956184622, 2999971823,
  ],
  spans: [
    [{ tag: 1, start: 3, end: 5, margin: 26.3609960693866 }],
    [
      { tag: 3, start: 2, end: 7, margin: 22.091285031288862 },
      { tag: 1, start: 9, end: 11, margin: 40.50622421503067 },
    ],
    [
      { tag: 1, start: 2, end: 5, margin: 18.33609974384308 },
      { tag: 3, start: 13, end: 17, margin: 5.0746893412433565 },
    ],
    [{ tag: 1, start: 18, end: 20, margin: 1.0082987546920776 }],
    [{ tag: 1, start: 3, end: 5, margin: 2.6929457136429846 }],
    [],
    [{ tag: 1, start: 13, end: 15, margin: 2.5809126626700163 }],
    [{ tag: 1, start: 2, end: 6, margin: 7.078837780281901 }],
    [{ tag: 3, start: 9, end: 17, margin: 2.5933602834120393 }],
    [{ tag: 1, start: 6, end: 8, margin: 8.668049795553088 }],
    [{ tag: 1, start: 4, end: 7, margin: 3.7219920456409454 }],
  ],
};
