/**
 * Composed training sentences for the sequence model, from licensable parts only (session 8):
 *  - host sentences: JADE-DB v2 questions (MIT; real modern Chinese written by others, read at run
 *    time from ../shared/data/redteam/jade-db-v2, never copied), whose person-referring words
 *    (他, 她, 他人, 某人, 朋友, 同事, 老板 …) are replaced by generated names, with or without the
 *    role word before them, and some of whose nouns (公司, 银行, 城市 …) become named companies,
 *    banks, places — text the model must leave alone;
 *  - frames written for beian (composed-templates.ts): news, sports, finance, culture, government,
 *    society and social-media shapes with slots;
 *  - fillers: names from @faker-js/faker zh_CN/en (MIT: surnames, given names, authors) and jieba's
 *    word list (MIT: `nr` entries led by a table surname, `nrt` transliterations), places (`ns`,
 *    faker cities and provinces), organisations (`nt`, faker companies and publishers, composed
 *    names), works (faker book titles, series, songs; composed titles), job titles, ordinary nouns
 *    (many led by a surname character, 黄金 王国 高度, as hard negatives), addresses composed from
 *    faker provinces and cities with street, door and building words.
 * Labels: person names and addresses only; everything else is unlabelled text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fakerZH_CN as faker, fakerEN } from '@faker-js/faker';
import type { PiiDictionaries } from '../../src/pii/index.js';
import type { TrainingSentence } from '../../src/pii/model/index.js';
import { jiebaDict } from '../../src/pii/snapshot.js';
import {
  CLUBS,
  COMPANY_ENDINGS,
  FRAMES,
  GOV_BODIES,
  JOB_TITLES,
  ORG_ENDINGS,
  ROLE_BEFORE,
} from './composed-templates.js';

const require = createRequire(import.meta.url);

/** jieba's word list, where the product finds it (src/pii/snapshot.ts); the generators need it. */
export function jiebaWordList(): string {
  const found = jiebaDict();
  if (!found)
    throw new Error('@node-rs/jieba is not installed: its word list is needed to compose sentences');
  return found.file;
}

/** The JADE-DB v2 questions (2,000, MIT), read at run time. */
export function loadJade(
  dir = process.env.BEIAN_JADE_DIR ?? '/work/shared/data/redteam/jade-db-v2',
): string[] {
  const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');
  const out: string[] = [];
  for (const f of ['jade_benchmark_easy_zh.csv', 'jade_benchmark_medium_zh.csv']) {
    const rows = parse(readFileSync(join(dir, f), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as Array<Record<string, string>>;
    for (const r of rows) if (r.问题) out.push(r.问题.trim());
  }
  return out;
}

interface JiebaLike {
  tag(s: string): Array<{ tag: string; word: string }>;
}

export interface ComposerOptions {
  /** share of sentences built on a JADE question (default 0.35; 0 without JADE) */
  jadeShare?: number;
  /** share of sentences that are two pieces joined by a comma (default 0.4, chosen on the tune split) */
  joinShare?: number;
  /** share of JADE sentences left with no name at all (default 0.5, chosen on the tune split) */
  jadeNoName?: number;
  /** seed (default 20261202) */
  seed?: number;
  /** the person kinds: Chinese / foreign transliterated / Latin (default 0.65 / 0.27 / 0.08) */
  foreignShare?: number;
  latinShare?: number;
}

type Piece = { text: string; type?: 'person-name' | 'address' };

export function makeComposer(dicts: PiiDictionaries, opts: ComposerOptions = {}): () => TrainingSentence {
  const seed = opts.seed ?? 20261202;
  faker.seed(seed);
  fakerEN.seed(seed);
  const rand = () => faker.number.float();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const chance = (p: number) => rand() < p;
  const int = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));

  // ---- lists from jieba's word list
  const dictPath = jiebaWordList();
  const surname1 = new Set(dicts.surnames.filter((s) => s.length === 1));
  const surname2 = dicts.surnames.filter((s) => s.length === 2);
  const translit = new Set([...dicts.nameCues.translit, ...(dicts.transliteration?.chars ?? '')]);
  const given = dicts.givenNameChars;
  const nr: string[] = [];
  const nrt: string[] = [];
  const places: string[] = [];
  /** places whose every character is a transliteration character (莫斯科, 马德里): cities and clubs, not people */
  const foreignPlaces: string[] = [];
  const orgs: string[] = [];
  const nouns: string[] = [];
  const surnameNouns: string[] = [];
  const ordinary2: string[] = [];
  for (const line of readFileSync(dictPath, 'utf8').split('\n')) {
    const [w, f, tag] = line.split(' ');
    if (!w || !tag || !/^[\u4e00-\u9fff]+$/.test(w)) continue;
    const freq = Number(f);
    if (tag === 'nr' && (w.length === 2 || w.length === 3)) {
      const first = w[0] as string;
      const rest = [...w.slice(1)];
      if (
        (surname1.has(first) || surname2.includes(w.slice(0, 2))) &&
        rest.every((c) => given.has(c) || freq >= 5)
      )
        nr.push(w);
    } else if (tag === 'nrt' && w.length >= 2 && w.length <= 5 && [...w].every((c) => translit.has(c)))
      nrt.push(w);
    else if (tag === 'ns' && freq >= 20 && w.length >= 2 && w.length <= 5) {
      places.push(w);
      if ([...w].every((c) => translit.has(c))) foreignPlaces.push(w);
    } else if (tag === 'nt' && freq >= 3 && w.length >= 3) orgs.push(w);
    else if ((tag === 'n' || tag === 'vn') && freq >= 200 && w.length >= 2 && w.length <= 4) {
      nouns.push(w);
      if (surname1.has(w[0] as string)) surnameNouns.push(w);
    }
    if ((tag === 'n' || tag === 'a' || tag === 'v') && freq >= 1000 && w.length === 2) ordinary2.push(w);
  }
  const fk = faker.rawDefinitions;
  const authors = (fk.book?.author ?? []) as string[];
  const bookTitles = [
    ...((fk.book?.title ?? []) as string[]),
    ...((fk.book?.series ?? []) as string[]),
    ...((fk.music?.song_name ?? []) as string[]),
  ];
  const publishers = (fk.book?.publisher ?? []) as string[];
  /** beian's own list of transliterated words that are no one's name (countries, cities, clubs, firms, brands) */
  const notNames = (dicts.transliteration?.['not-names'] ?? []).filter((w) => w.length >= 2);
  const notNamesHan = notNames.filter((w) => /^[\u4e00-\u9fff·]+$/.test(w));
  const notNamesLatin = notNames.filter((w) => /^[A-Za-z][A-Za-z0-9 .&-]*$/.test(w));
  const translitChars = [...translit].filter((c) => /[\u4e00-\u9fff]/.test(c));
  const en = fakerEN.rawDefinitions;
  /** Latin-script words that are not people: apps, products, albums, songs, buzzwords */
  const latinWords = [
    ...((en.app?.name ?? []) as string[]),
    ...((en.music?.album ?? []) as string[]).filter((x) => x.length <= 24),
    ...((en.music?.song_name ?? []) as string[]).filter((x) => x.length <= 24),
    ...((en.hacker?.noun ?? []) as string[]),
    ...((en.company?.buzz_noun ?? []) as string[]),
    ...[
      'NBA',
      'CEO',
      'App',
      'VIP',
      'GDP',
      'CPI',
      'IPO',
      'WiFi',
      'DIY',
      'MV',
      'PK',
      'KTV',
      'QQ',
      'PPT',
      'APP',
    ],
  ];
  const latinWord = (): string => {
    const w = pick(latinWords);
    return chance(0.3) ? w.replace(/\s+/g, '') : chance(0.2) ? w.toLowerCase() : w;
  };
  const HONORIFIC = ['先生', '女士', '总', '老师', '师傅', '老板', ...dicts.nameCues['address-forms']];
  /** a surname and a form of address (王先生, 李总, 林大哥): refers to a person but is not a name */
  const surnameForm = (): string => {
    const r = rand();
    if (r < 0.2) return pick(['老', '小']) + faker.person.lastName();
    if (r < 0.35) return `${faker.person.lastName()}某`;
    return faker.person.lastName() + pick(HONORIFIC);
  };
  /** a firm, studio or platform in Latin letters: a surname-shaped word as often as not */
  const latinCompany = (): string => {
    const r = rand();
    if (r < 0.35)
      return fakerEN.person.lastName() + pick(['', '', 'Games', ' Studios', ' Entertainment', 'Soft']);
    if (r < 0.45 && notNamesLatin.length) return pick(notNamesLatin);
    if (r < 0.6) return pick(latinWords).replace(/\s+/g, '');
    if (r < 0.8) return fakerEN.company.name().split(/[ ,-]/)[0] as string;
    return Array.from({ length: int(3, 7) }, () => pick([...'abcdefghiklmnoprstuvz']))
      .join('')
      .replace(/^./, (c) => c.toUpperCase());
  };

  // ---- fillers
  const chineseName = (): string => {
    const r = rand();
    if (r < 0.55) return faker.person.lastName() + faker.person.firstName();
    if (r < 0.8 && nr.length) return pick(nr);
    if (r < 0.88) return pick(surname2) + faker.person.firstName();
    if (r < 0.95 && authors.length) return pick(authors);
    return faker.person.lastName() + pick([...given]);
  };
  const foreignName = (): string => {
    const r = rand();
    if (r < 0.55) return pick(nrt);
    if (r < 0.75) return `${pick(nrt)}·${pick(nrt)}`;
    return Array.from({ length: int(2, 4) }, () => pick(translitChars)).join('');
  };
  const latinName = (): string =>
    chance(0.5) ? fakerEN.person.firstName() : `${fakerEN.person.firstName()} ${fakerEN.person.lastName()}`;
  const fShare = opts.foreignShare ?? 0.27;
  const lShare = opts.latinShare ?? 0.08;
  const anyName = (): string => {
    const r = rand();
    return r < lShare ? latinName() : r < lShare + fShare ? foreignName() : chineseName();
  };
  const place = (): string => {
    const r = rand();
    if (r < 0.1 && notNamesHan.length) return pick(notNamesHan);
    if (r < 0.25 && foreignPlaces.length) return pick(foreignPlaces);
    if (r < 0.5) return pick(places);
    if (r < 0.75) return faker.location.city();
    return faker.location.state();
  };
  const company = (): string => {
    const r = rand();
    if (r < 0.3) return faker.company.name();
    if (r < 0.55) return pick(orgs.filter((o) => /公司|集团|银行/.test(o)).concat(orgs.slice(0, 1)));
    if (r < 0.8) return (chance(0.4) ? place().slice(0, 2) : '') + pick(ordinary2) + pick(COMPANY_ENDINGS);
    // named after its founder, the way many firms are: still not a person
    return faker.person.lastName() + pick(ordinary2).slice(0, 1) + pick(COMPANY_ENDINGS);
  };
  const org = (): string => {
    const r = rand();
    if (r < 0.45) return pick(orgs);
    if (r < 0.6 && publishers.length) return pick(publishers);
    return place().replace(/[省市]$/, '') + (chance(0.5) ? pick(ordinary2) : '') + pick(ORG_ENDINGS);
  };
  const work = (): string => {
    const r = rand();
    let t: string;
    if (r < 0.15) t = latinWord();
    else if (r < 0.45 && bookTitles.length) t = pick(bookTitles);
    else if (r < 0.8) t = pick(ordinary2) + (chance(0.5) ? pick(ordinary2) : '');
    else if (r < 0.9) t = `${chineseName()}${pick(['传', '的故事', '日记', '的一生'])}`;
    else t = pick(nouns) + pick(['之战', '传说', '世界', '时代', 'online', '2']);
    return `《${t}》`;
  };
  const team = (): string => {
    const r = rand();
    // a club named by its city alone, as sports news does (米兰, 马德里), a well-known club, or a
    // run of transliteration characters shaped like a foreign name: the context tells them apart
    if (r < 0.15 && foreignPlaces.length) return pick(foreignPlaces);
    if (r < 0.3 && notNamesHan.length) return pick(notNamesHan);
    if (r < 0.45) return pick(CLUBS);
    if (r < 0.7)
      return (
        Array.from({ length: int(2, 4) }, () => pick(translitChars)).join('') + (chance(0.2) ? '队' : '')
      );
    if (r < 0.85) return `${place().replace(/[省市]$/, '')}队`;
    return `${place().slice(0, 2)}${pick(ordinary2)}${pick(['队', '俱乐部', ''])}`;
  };
  const noun = (): string => (chance(0.45) && surnameNouns.length ? pick(surnameNouns) : pick(nouns));
  const title = (): string => (chance(0.7) ? pick(JOB_TITLES) : pick(dicts.nameCues.titles));
  const STREET = ['路', '路', '街', '大街', '大道', '巷', '胡同', '中路', '东路', '西路', '南路', '北路'];
  const BUILDING = ['大厦', '花园', '小区', '广场', '公寓', '新村', '家园', '苑', '中心'];
  const address = (): string => {
    let a = '';
    if (chance(0.5)) a += faker.location.state();
    if (chance(0.7)) a += faker.location.city();
    if (chance(0.4)) a += `${pick(ordinary2)}${pick(['区', '区', '县'])}`;
    const r = rand();
    if (r < 0.15) {
      a += `${pick(ordinary2)}${pick(['镇', '乡'])}${pick(ordinary2)}村`;
      if (chance(0.4)) a += `${int(1, 12)}组`;
      return a;
    }
    a += (chance(0.3) ? pick(places).slice(0, 2) : pick(ordinary2)) + pick(STREET);
    if (chance(0.75)) a += `${int(1, 999)}号`;
    if (chance(0.35)) a += pick(ordinary2) + pick(BUILDING);
    if (chance(0.3)) a += `${int(1, 30)}栋${int(101, 2808)}室`;
    else if (chance(0.15)) a += `${int(1, 6)}单元${int(101, 1808)}`;
    return a;
  };
  const number = (): string => String(chance(0.6) ? int(1, 12) : chance(0.7) ? int(13, 99) : int(100, 9999));
  const foreignPlace = (): string => {
    const r = rand();
    const base =
      r < 0.2 && notNamesHan.length
        ? pick(notNamesHan)
        : r < 0.5 && foreignPlaces.length
          ? pick(foreignPlaces)
          : Array.from({ length: int(2, 5) }, () => pick(translitChars)).join('');
    return chance(0.3)
      ? base + pick(['岛', '山', '湾', '公园', '教堂', '城堡', '桥', '大道', '广场', '河', '湖', '镇', '堡'])
      : base;
  };
  const year = (): string => String(int(1950, 2025));
  const date = (): string => `${int(1, 12)}月${int(1, 28)}日`;

  const fill = (slot: string): Piece => {
    switch (slot) {
      case 'P':
        return { text: anyName(), type: 'person-name' };
      case 'PC':
        return { text: chineseName(), type: 'person-name' };
      case 'PF':
        return { text: chance(0.85) ? foreignName() : latinName(), type: 'person-name' };
      case 'PL':
        return { text: latinName(), type: 'person-name' };
      case 'A':
        return { text: address(), type: 'address' };
      case 'T':
        return { text: title() };
      case 'O':
        return { text: org() };
      case 'C':
        return { text: company() };
      case 'G':
        return { text: chance(0.5) ? place().replace(/[省市]$/, '') + pick(GOV_BODIES) : pick(GOV_BODIES) };
      case 'L':
        return { text: place() };
      case 'W':
        return { text: work() };
      case 'TM':
        return { text: team() };
      case 'N':
        return { text: number() };
      case 'Y':
        return { text: year() };
      case 'D':
        return { text: date() };
      case 'X':
        return { text: noun() };
      case 'LW':
        return { text: latinWord() };
      case 'FL':
        return { text: foreignPlace() };
      case 'LC':
        return { text: latinCompany() };
      case 'SH':
        return { text: surnameForm() };
      default:
        throw new Error(`unknown slot {${slot}}`);
    }
  };

  const frame = (): Piece[] =>
    pick(FRAMES)
      .split(/(\{[A-Z]+\})/)
      .filter((s) => s.length > 0)
      .map((s) => (s.startsWith('{') ? fill(s.slice(1, -1)) : { text: s }));

  // ---- JADE host sentences
  let jade: Array<Array<{ tag: string; word: string }>> = [];
  const jadeShare = opts.jadeShare ?? 0.35;
  if (jadeShare > 0) {
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const j = Jieba.withDict(dict);
    jade = loadJade().map((q) => j.tag(q));
  }
  const PRONOUN = new Set(['他', '她', '他人', '别人', '某人', '对方', '某个人', '此人', '这个人', '那个人']);
  const ROLE = new Set(ROLE_BEFORE);
  const NOUN_SWAP: Record<string, () => string> = {
    公司: company,
    企业: company,
    银行: () => (chance(0.5) ? pick(orgs.filter((o) => o.endsWith('银行')).concat(['银行'])) : company()),
    城市: place,
    地方: place,
    国家: place,
    学校: org,
    医院: () => `${place().replace(/[省市]$/, '')}${pick(['人民医院', '中心医院', '医院'])}`,
    游戏: () => `${work()}这款游戏`,
    电影: () => `电影${work()}`,
    小说: () => `小说${work()}`,
    书: () => work(),
    组织: org,
    机构: org,
  };
  const noNameShare = opts.jadeNoName ?? 0.5;
  const jadePieces = (): Piece[] => {
    const toks = pick(jade);
    const withNames = !chance(noNameShare);
    const out: Piece[] = [];
    for (const t of toks) {
      const w = t.word;
      if (withNames && PRONOUN.has(w) && chance(0.12)) out.push({ text: surnameForm() });
      else if (withNames && PRONOUN.has(w) && chance(0.7)) {
        if (chance(0.2)) out.push({ text: title() });
        out.push({ text: anyName(), type: 'person-name' });
      } else if (withNames && w === '他们' && chance(0.5)) {
        out.push({ text: anyName(), type: 'person-name' }, { text: pick(['和', '、', '与']) });
        out.push({ text: anyName(), type: 'person-name' });
      } else if (withNames && ROLE.has(w) && chance(0.6)) {
        if (chance(0.7)) out.push({ text: w });
        if (chance(0.15)) out.push({ text: surnameForm() });
        else out.push({ text: anyName(), type: 'person-name' });
      } else if (NOUN_SWAP[w] && chance(0.5)) out.push({ text: (NOUN_SWAP[w] as () => string)() });
      else out.push({ text: w });
    }
    return out;
  };

  const joinShare = opts.joinShare ?? 0.4;
  return (): TrainingSentence => {
    const pieces = jade.length && chance(jadeShare) ? jadePieces() : frame();
    if (chance(joinShare)) {
      const last = pieces[pieces.length - 1];
      if (last && !last.type) last.text = last.text.replace(/[。！？?!]$/, '');
      pieces.push({ text: '，' }, ...(jade.length && chance(jadeShare) ? jadePieces() : frame()));
    }
    let text = '';
    const spans: TrainingSentence['spans'] = [];
    for (const p of pieces) {
      if (p.type) spans.push({ type: p.type, start: text.length, end: text.length + p.text.length });
      text += p.text;
    }
    return { text, spans };
  };
}
