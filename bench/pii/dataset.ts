import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fakerZH_CN as faker } from '@faker-js/faker';
import { makeBankCard, makeIdCard, makeUscc, SAMPLE_DIVISIONS } from '../../src/pii/generate.js';
import type { PiiType } from '../../src/pii/types.js';

/**
 * A labelled evaluation set: real Chinese text (chinese-poetry: 论语, 古文观止, 全唐诗) with personal
 * information from @faker-js/faker (zh_CN) and our own valid-identifier generators spliced in, in
 * labelled and unlabelled contexts, plus look-alike negatives (order numbers, timestamps, prices,
 * ISBNs). Deterministic for a seed.
 */
export interface Label {
  type: PiiType;
  start: number;
  end: number;
}
export interface LabelledRecord {
  text: string;
  labels: Label[];
}

const require = createRequire(import.meta.url);
const poetryDir = join(dirname(require.resolve('chinese-poetry/package.json')), 'dist');

/** Sentences of classical and poetic Chinese, split at full stops. */
export function loadSentences(): string[] {
  const read = (p: string) => JSON.parse(readFileSync(join(poetryDir, p), 'utf8')) as unknown;
  const paragraphs: string[] = [];
  for (const p of [
    'lunyu/lunyu.json',
    'quantangshi/poet.tang.12000.json',
    'quantangshi/poet.song.1000.json',
  ]) {
    for (const entry of read(p) as Array<{ paragraphs?: string[] }>)
      paragraphs.push(...(entry.paragraphs ?? []));
  }
  const gw = read('mengxue/guwenguanzhi.json') as {
    content?: Array<{ content?: Array<{ paragraphs?: string[] }> }>;
  };
  for (const vol of gw.content ?? [])
    for (const art of vol.content ?? []) paragraphs.push(...(art.paragraphs ?? []));
  return paragraphs.flatMap((p) => p.split(/(?<=[。！？])/)).filter((s) => s.length >= 6 && s.length <= 120);
}

const pick = <T>(xs: readonly T[]): T => xs[faker.number.int({ min: 0, max: xs.length - 1 })] as T;
const digits = (n: number) => faker.string.numeric({ length: n, allowLeadingZeros: true });

function mobile(): string {
  const n = `1${pick(['3', '5', '7', '8', '9'])}${digits(9)}`;
  return pick([
    n,
    n,
    `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`,
    `${n.slice(0, 3)}-${n.slice(3, 7)}-${n.slice(7)}`,
    `+86 ${n}`,
  ]);
}

const GENERATORS: Record<PiiType, { value: () => string; templates: string[] }> = {
  'cn-id-card': {
    value: () => {
      const d = faker.date.birthdate({ min: 18, max: 80, mode: 'age', refDate: '2026-01-01' });
      return makeIdCard(
        pick(SAMPLE_DIVISIONS),
        d.getUTCFullYear(),
        d.getUTCMonth() + 1,
        d.getUTCDate(),
        faker.number.int(999),
      );
    },
    templates: ['身份证号：{}', '证件号码{}', '其身份证{}已登记', '{}'],
  },
  'cn-mobile': { value: mobile, templates: ['手机{}', '电话：{}', '有事请拨打{}', '{}', 'Tel{}', '{}ISBN'] },
  'cn-landline': {
    value: () => {
      const area = pick(['010', '021', '020', '0755', '0571', '028', '027']);
      const sub = `${faker.number.int({ min: 2, max: 8 })}${digits(area.length === 3 ? 7 : 6)}`;
      return pick([`${area}-${sub}`, `(${area}) ${sub}`, `${area} ${sub}`]);
    },
    templates: ['座机{}', '办公电话：{}', '{}'],
  },
  'bank-card': {
    value: () => {
      const c = makeBankCard(
        pick(['622202', '622848', '621700', '625965', '436742']),
        digits(13),
        pick([16, 19] as const),
      );
      return pick([c, c.replace(/(\d{4})(?=\d)/g, '$1 ')]);
    },
    templates: ['卡号{}', '银行卡：{}', '请转账至{}', '{}'],
  },
  'cn-uscc': {
    value: () =>
      makeUscc(
        pick(['91', '92', '12', '52']),
        pick(SAMPLE_DIVISIONS),
        Array.from({ length: 9 }, () => faker.number.int(30)),
      ),
    templates: ['统一社会信用代码：{}', '税号{}', '{}'],
  },
  passport: {
    value: () => pick([`E${digits(8)}`, `E${pick(['A', 'B', 'C', 'D'])}${digits(7)}`, `G${digits(8)}`]),
    templates: ['护照号码{}', '持护照{}出境', '{}'],
  },
  'cn-travel-permit': {
    value: () => pick([`C${pick(['A', 'B', 'D', 'E'])}${digits(7)}`, `C${digits(8)}`]),
    templates: ['港澳通行证{}', '通行证号码：{}', '{}'],
  },
  'cn-plate': {
    value: () => {
      const p = pick([...'京沪粤苏浙川鄂湘鲁豫']) + pick([...'ABCDEFGH']);
      return pick([
        `${p}${digits(5)}`,
        `${p}${pick(['D', 'F'])}${digits(5)}`,
        `${p}·${digits(4)}${pick(['K', 'L', 'M'])}`,
      ]);
    },
    templates: ['车牌号{}', '一辆{}的轿车', '{}'],
  },
  email: { value: () => faker.internet.email(), templates: ['邮箱：{}', '发送至{}', '{}'] },
  ip: {
    value: () => pick([faker.internet.ipv4(), faker.internet.ipv4(), faker.internet.ipv6()]),
    templates: ['登录IP {}', '来源地址{}', '{}'],
  },
  mac: { value: () => faker.internet.mac(pick([':', '-'])), templates: ['设备MAC：{}', '{}'] },
  'url-credentials': {
    value: () =>
      `${pick(['https', 'ftp', 'mysql'])}://${faker.internet.username().replace(/[^A-Za-z0-9_]/g, '')}:${faker.internet.password({ length: 10 })}@${faker.internet.domainName()}/${faker.word.noun()}`,
    templates: ['连接串 {}', '{}'],
  },
  'person-name': {
    value: () => faker.person.fullName(),
    templates: ['联系人：{}', '{}先生', '{}女士', '收件人{}', '我叫{}', '{}说', '{}经理', '{}'],
  },
  address: {
    value: () => {
      const base = `${faker.location.state()}${faker.location.city()}市${faker.location.street()}${faker.number.int({ min: 1, max: 999 })}号`;
      return pick([
        base,
        `${base}${faker.number.int({ min: 1, max: 30 })}栋${faker.number.int({ min: 1, max: 6 })}单元${faker.number.int({ min: 101, max: 2802 })}室`,
      ]);
    },
    templates: ['地址：{}', '住在{}', '寄到{}', '{}'],
  },
};

/** Look-alikes that are not personal information. */
const NEGATIVES: Array<() => string> = [
  () => `订单号${digits(18)}`,
  // an 18-digit number that is not an ID card and may pass the USCC check character by chance
  () => `流水号${faker.string.numeric({ length: 1, exclude: ['0'] })}${digits(17)}`,
  () => `${faker.string.numeric({ length: 1, exclude: ['0'] })}${digits(17)}`,
  () => `订单号 ${faker.date.recent().toISOString().replace(/\D/g, '').slice(0, 17)}`,
  () => `时间戳${faker.date.recent().getTime()}`,
  () => `价格¥${faker.commerce.price()}`,
  () => `ISBN 978-7-${digits(3)}-${digits(5)}-${digits(1)}`,
  () => `第${faker.number.int(99)}号选手`,
  () => `版本 ${faker.system.semver()}`,
  () => `${faker.date.recent().toISOString().slice(0, 19).replace('T', ' ')}`,
];

export function generateEvalSet(n: number, seed = 20261125): LabelledRecord[] {
  faker.seed(seed);
  const sentences = loadSentences();
  const types = Object.keys(GENERATORS) as PiiType[];
  const out: LabelledRecord[] = [];
  for (let i = 0; i < n; i++) {
    let text = '';
    const labels: Label[] = [];
    const parts = faker.number.int({ min: 1, max: 4 });
    for (let k = 0; k < parts; k++) {
      text += pick(sentences);
      const roll = faker.number.float();
      if (roll < 0.6) {
        const type = pick(types);
        const g = GENERATORS[type];
        const value = g.value();
        const [pre, post] = pick(g.templates).split('{}') as [string, string];
        const start = text.length + pre.length;
        text += `${pre}${value}${post}。`;
        labels.push({ type, start, end: start + value.length });
      } else if (roll < 0.8) text += `${pick(NEGATIVES)()}。`;
    }
    out.push({ text, labels });
  }
  return out;
}
