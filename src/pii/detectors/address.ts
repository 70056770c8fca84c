import { intSet } from '../../util/int-set.js';
import type { PiiDictionaries } from '../dictionaries.js';
import { type Detector, type Finding, finding } from '../types.js';
import { pack3, packHan } from '../word-stats.js';
import { codeAt } from './code-at.js';
import { WordIndex } from './code-tables.js';

const HAN = '\\u4e00-\\u9fff';
const alt = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).join('|');
/** A door number: the anchor of a full address (…27号, 88-1号). */
export const ANCHOR = /[0-9０-９]{1,5}(?:-[0-9]{1,5})?(?:号(?:院|楼)?|弄(?!堂))/g;
/**
 * Where ANCHOR's match ending in the 号 or 弄 at `q` starts, searched from `from` as matchAll
 * does (its leftmost start), or -1: the characters before q are 1-5 digits, or 1-5 digits, a
 * hyphen and 1-5 ASCII digits (read from the anchor character: the expression's scan of every
 * character of the text was most of the numbered pass). Kept equal to matchAll by a property test.
 */
export function anchorAt(text: string, q: number, from: number): number {
  const w = text.charCodeAt(q);
  if ((w !== 0x53f7 && w !== 0x5f04) || q < from || !isDigitCode(codeAt(text, q - 1))) return -1;
  // 弄(?!堂)
  if (w === 0x5f04 && codeAt(text, q + 1) === 0x5802) return -1;
  for (let s = Math.max(from, q - 11); s < q; s++) {
    let k = s;
    while (k < q && k - s < 5 && isDigitCode(text.charCodeAt(k))) k++;
    if (k === s) continue;
    if (k === q) return s;
    if (text.charCodeAt(k) !== 0x2d) continue;
    const j = k + 1;
    k = j;
    while (k < q && k - j < 5 && isAsciiDigit(text.charCodeAt(k))) k++;
    if (k > j && k === q) return s;
  }
  return -1;
}
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
/** the end of the ANCHOR match whose 号 or 弄 is at `q` (号院 and 号楼 taken in) */
export const anchorEnd = (text: string, q: number): number => {
  const after = codeAt(text, q + 1);
  return text.charCodeAt(q) === 0x53f7 && (after === 0x9662 || after === 0x697c) ? q + 2 : q + 1;
};
/**
 * ANCHOR's matches as [start, end), read at the positions at[0, count) (in order; numbered passes
 * the marks of passesOf) or, without them, at every character
 */
export function* anchorMatches(
  text: string,
  at: Int32Array | null = null,
  count = text.length,
): Generator<[number, number]> {
  let from = 0;
  for (let h = 0; h < count; h++) {
    const q = at === null ? h : (at[h] as number);
    const s = anchorAt(text, q, from);
    if (s < 0) continue;
    from = anchorEnd(text, q);
    yield [s, from];
  }
}
const MAX_PREFIX = 32;
/** a prefix character by UTF-16 code: Han, Latin or a digit (a table read at every character of a prefix or name) */
const PREFIX_CODE = new Uint8Array(0x10000);
for (let c = 0x4e00; c <= 0x9fff; c++) PREFIX_CODE[c] = 1;
for (let c = 48; c <= 57; c++) PREFIX_CODE[c] = 1;
for (let c = 65; c <= 90; c++) PREFIX_CODE[c] = 1;
for (let c = 97; c <= 122; c++) PREFIX_CODE[c] = 1;
/** Street names without a door number: a short name, an optional direction or ordinal, the street word. */
/** what may not follow a street word (沿线 may: 路沿线 is the street's) */
const STREET_NOT_BEFORE =
  '(?!(?!沿线)[\\u4e00-\\u9fff]?(?:线|站|口站|局|(?<!路)办|委|队|人|(?<!路)边|(?<!街)头|灯|费|况|况|程|径|演|舞|子|牌))';
export const STREET = new RegExp(
  `[\\u4e00-\\u9fff]{1,6}?(?:[东西南北中]|[一二三四五六七八九十]{1,2})?(?:大道|大街|胡同|路|街|巷|弄)${STREET_NOT_BEFORE}`,
  'g',
);
/** STREET_NOT_BEFORE at lastIndex: a street word ending right before it may end a match */
const STREET_END_OK = new RegExp(STREET_NOT_BEFORE, 'y');
/**
 * A match of STREET can end at `q`: a street word ends there (路 街 巷 弄, 道 after 大, 同 after
 * 胡) and nothing it may not stand before follows. Where none can, q is not searched from at all:
 * a match running through it ends at a later street word and is found from that one, at the same
 * start (every start before it within reach is tried there too), so the matches stay matchAll's.
 */
function streetEndsAt(text: string, q: number): boolean {
  const c = text.charCodeAt(q);
  if (c === 0x9053 || c === 0x540c) {
    const b = codeAt(text, q - 1);
    if (b !== (c === 0x9053 ? 0x5927 : 0x80e1)) return false;
  }
  STREET_END_OK.lastIndex = q + 1;
  return STREET_END_OK.test(text);
}
/**
 * The matches of STREET, as `text.matchAll(STREET)` gives them, without running the expression from
 * every character of a long line (its lazy Han run backtracks at each one): a match ends its street
 * word (大道 大街 胡同 路 街 巷 弄) with one of 道街同路巷弄 at most STREET_REACH characters after its
 * start, so the expression is only tried, anchored, at the few starts before each such character.
 * Kept equal to matchAll by a property test (address-streets.property.test.ts).
 */
const STREET_AT = new RegExp(STREET.source, 'y');
const STREET_LAST = new Uint8Array(0x10000);
for (const c of '道街同路巷弄') STREET_LAST[c.charCodeAt(0)] = 1;
/** 6 Han characters, a modifier of 2, a two-character street word: the last one is start + 9 */
export const STREET_REACH = 9;
/** (at, count: read only at the positions at[0, count), in order, as the streets pass reads passesOf's marks) */
export function* streetMatches(
  text: string,
  at: Int32Array | null = null,
  count = text.length,
): Generator<RegExpExecArray> {
  // no match starts in [from, q): every start there was tried, or lies inside the last match
  let from = 0;
  for (let h = 0; h < count; h++) {
    const q = at === null ? h : (at[h] as number);
    if (q < from || q < 1 || STREET_LAST[text.charCodeAt(q)] !== 1 || !streetEndsAt(text, q)) continue;
    const m = streetEndingNear(text, q, from);
    if (m === null) {
      from = q;
      continue;
    }
    from = m.index + m[0].length;
    yield m;
  }
}
/** STREET's first match starting in [max(from, q - STREET_REACH), q), or null (q holds a street word's last character) */
function streetEndingNear(text: string, q: number, from: number): RegExpExecArray | null {
  // No street word's last character stands in (from, q) (each was tried before q, and a match ends
  // at one), so a match starting in [from, q) runs through q: it starts in the run of Han characters
  // before q, and the expression is not run from any start before a character that is none (of the
  // nine starts, those before punctuation, a digit or a space)
  const lowest = Math.max(from, q - STREET_REACH);
  let first = q;
  while (first > lowest && isHanChar(text.charCodeAt(first - 1))) first--;
  let m: RegExpExecArray | null = null;
  for (let p = first; p < q && m === null; p++) {
    STREET_AT.lastIndex = p;
    m = STREET_AT.exec(text);
  }
  return m;
}

/** evaluation switches (NORG, NOPL), read once: an environment read per line cost 2% of a scan */
const NO_REGION_CUT = Boolean(process.env.NORG);
const NO_PLACES = Boolean(process.env.NOPL);

/** the one-character admin suffixes (a level named 开发区, 新区 or 街道 may have a long name) */
const ADMIN_SUFFIX1 = new Set([...'省市区县镇乡'].map((c) => c.charCodeAt(0)));
/** the last character of an admin word (街道, 区, 县…): a street name never starts with it */
const ADMIN_END = new Set([...'道区县镇乡市省'].map((c) => c.charCodeAt(0)));
/** Characters that never stand in a street's name (那条路, 另一条街, 两个边路). */
const STREET_STOP = new Set([...'条个那这另一两几每各该此某其走进出回过向朝往省市区县镇乡含括荐靠将处以']);
/** what a building's number stands before (9号楼, 3栋, 2单元) */
const BUILDING_NUMBER = /^(?:号楼|栋|幢|单元)/;
const FIRST_ADMIN = /[\u4e00-\u9fff]{2,6}?(?:自治区|省|市|区|县|镇|乡|街道|开发区|新区)/;
/** the first level of an admin chain (its name and suffix) */
const FIRST_LEVEL = /^[\u4e00-\u9fff]{1,6}?(?:省|市|区|县|镇|乡|街道|开发区|新区)/;
const ADMIN_CHAIN = /(?:[\u4e00-\u9fff]{1,6}?(?:省|市|区|县|镇|乡|街道|开发区|新区))+$/;
/** long street words ending in 路 (an expressway, a highway, a ring road) */
const ROAD_KIND = /[\u4e00-\u9fff]{2}(快速路|高速公路|高速路|环城路)$/;
/** the character before their 路 (the expression runs only after one of them) */
const ROAD_KIND_NEXT_TO_LAST = new Set([...'速公城'].map((c) => c.charCodeAt(0)));
/** Cheap pre-check before the street expression (大 alone would let nearly every line through). */
/**
 * The first pass over a text's characters (one table read each): which of the detector's passes
 * can find anything in it. Bits by UTF-16 code: a street word's last character (路 街 巷 弄; 道 and
 * 同 only after 大 and 胡), a place kind's last character (one-character kinds 村 苑, or the end of a
 * longer kind whose character before is read in PLACE_PREV), a door or lane number (号 弄), a colon.
 */
const FIRST_PASS = new Uint8Array(0x10000);
const STREET_ONE = 1;
const STREET_TWO = 2;
const PLACE_ONE = 4;
const PLACE_END = 8;
const NUMBER_WORD = 16;
const COLON = 32;
/** the character before the last of every place kind of two characters or more (小|区, 广|场) */
const PLACE_PREV = new Uint8Array(0x10000);
/** The kinds of a named building, estate or village (理想国际大厦, 星港花园, 松坪村), longest first. */
const PLACE_KINDS = [
  '科技园',
  '工业园',
  '产业园',
  '大厦',
  '大楼',
  '广场',
  '花园',
  '小区',
  '公寓',
  '家园',
  '新村',
  '商城',
  '社区',
  '村',
  '苑',
];
/** characters that open no place name: a preposition or measure word before it (以…, 给…, 一处…) */
const LEAD_OFF = new Set([...'以给做者种处座个而且但对向将把被受让和与及或跟同'].map((c) => c.charCodeAt(0)));
/** words of the sentence that run into a place name with no function character between (这个时候海渔广场) */
const LEAD_WORDS = new Set(
  '时候 而且 然后 所以 因此 还有 就是 以及 包括 比如 例如 其中 确保 一处 一个 这个 那个 这种 一种 留意 参观 前往 来到 推广 辖区 附近 周边 旁边 对面 位于 包括 如果 只有 已经 正在 目前 现在 今天 昨天 明天'.split(
    ' ',
  ),
);
const CLAUSE_END = new Set(
  [...'，。！？；、,.!?;：:「」“”"\'（）()《》\u3000\u2028\u2029'].map((c) => c.charCodeAt(0)),
);
/** punctuation, or any ASCII control or space character (a line break included) */
const endsClause = (c: number): boolean => c <= 0x20 || CLAUSE_END.has(c);
/**
 * the clause around [from, to): its start and end, at punctuation or the line's ends, read at most
 * CLAUSE_REACH characters out on each side (a verse clause is five or seven characters: a longer
 * one need not be measured, and a long line without punctuation is not walked at every candidate)
 */
const CLAUSE_REACH = 8;
function clauseAt(text: string, from: number, to: number): [number, number] {
  let a = from;
  const aMin = Math.max(0, from - CLAUSE_REACH);
  while (a > aMin && !endsClause(text.charCodeAt(a - 1))) a--;
  let b = to;
  const bMax = Math.min(text.length, to + CLAUSE_REACH);
  while (b < bMax && !endsClause(text.charCodeAt(b))) b++;
  return [a, b];
}
/**
 * The span stands in a line of verse: its clause and the one before or after are both of five or
 * seven characters (橡栗石上村，莓苔水中路). Classical poetry is full of villages and roads that are
 * no address; a name with no cue is not taken there.
 */
function inVerse(text: string, start: number, end: number): boolean {
  const [a, b] = clauseAt(text, start, end);
  const len = b - a;
  if (len !== 5 && len !== 7) return false;
  if (b + 1 < text.length) {
    const [, nb] = clauseAt(text, b + 1, b + 1);
    if (nb - b - 1 === len) return true;
  }
  if (a >= 2) {
    const [pa] = clauseAt(text, a - 2, a - 1);
    if (a - 1 - pa === len) return true;
  }
  return false;
}
/** after …一路: a motion or direction, so 一路 means "all the way" (沿着海岸线一路向北) */
const ALL_THE_WAY = new Set([...'向往走骑开前上下北南东西狂奔飙小跑过来去顺'].map((c) => c.charCodeAt(0)));
/** a metro line (or two: 6号线与9号线交叉站青石站), a station's name and an exit; a crossing of two lines (5号线与13号线交叉站) has no name */
const STATION =
  /(?:地铁)?(?:[0-9]{1,2}号线[与和、])?[0-9]{1,2}号线(?![与和、])(?:[\u4e00-\u9fff]{2,6}?(?<!交叉|换乘)站)(?:[0-9A-Za-z]{1,2}号?(?:出口|口|门))?/g;
const ORG_AFTER_STREET =
  /^(?:营业部|营业厅|派出所|支行|分行|分店|门店|店|分局|办事处|小学|中学|医院|校区|居委会|工商所|税务所)/;
const PUNCT_AFTER = /^(?:[，、。；）)！？]|\s|$)/;
const isHanChar = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
/** the kind word a street or place ends in (路, 大街, 村, 广场…), or '' */
const LIST_KINDS = ['大道', '大街', '胡同', '广场', '小区', '花园', '街道', '路', '街', '巷', '村'];
const kindOf = (v: string): string => LIST_KINDS.find((k) => v.endsWith(k)) ?? '';
/** the last characters of street and place kind words (…园, …村, …场, …路) */
const KIND_END = new Set([...'园村场区厦路街苑寓城巷道'].map((c) => c.charCodeAt(0)));
/** the last character of a place or admin word (公园, 车站, 北七家镇): a word ending in it before a street is part of the address */
const PLACE_WORD_END = new Set([...'园村场区厦苑寓城站镇乡县市省道门桥'].map((c) => c.charCodeAt(0)));
/** cue verbs the three-character cut of a street name can take in (沿; 至 after a direction: 东至) */
const CUE_IN_CUT = new Set([...'沿至'].map((c) => c.charCodeAt(0)));
const NUMERAL = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));
const DIRECTION = new Set([...'东西南北中'].map((c) => c.charCodeAt(0)));
/** no one-character street name before a numeral (第三路, 兵分三路, 前三路, 全三路) */
const ONE_CHAR_NOT = new Set([...'第分前后全头末上下共有是为成左右大小老'].map((c) => c.charCodeAt(0)));
/** cue characters before a one-character street name (经|纬二路 after 在, 于, 经, 到) */
const ONE_CHAR_AFTER = new Set([...'在于经到至沿住'].map((c) => c.charCodeAt(0)));
/** before 至 as a cue verb: a direction (东至) or a motion (行至, 直至, 延伸至) */
const BEFORE_ZHI = new Set([...'东西南北行驶直伸通开'].map((c) => c.charCodeAt(0)));
const JOINER = new Set([...'和与及或、'].map((c) => c.charCodeAt(0)));
/** the characters of the findings, marked (one byte a character of the text) */
let coverScratch = new Uint8Array(1024);
/**
 * (one buffer for every call, cleared over the text's length: an array allocated per text cost more
 * than the marking; the streets and places passes each build theirs in turn, and nothing reads past
 * the text's length)
 */
function coverOf(text: string, found: readonly Finding[]): Uint8Array {
  if (coverScratch.length < text.length)
    coverScratch = new Uint8Array(Math.max(text.length, coverScratch.length * 2));
  const c = coverScratch;
  c.fill(0, 0, text.length);
  for (const f of found) c.fill(1, f.start, f.end);
  return c;
}
const anyIn = (c: Uint8Array, a: number, b: number): boolean => {
  for (let k = Math.max(0, a); k < b; k++) if (c[k] === 1) return true;
  return false;
};
const isHanRun = (w: string): boolean => {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c < 0x4e00 || c > 0x9fff) return false;
  }
  return true;
};
/** what follows a street or place and belongs to it (一栋 alone is "a building", no number): a floor, a gate, an exit, a side, a corner, its pedestrian street, a village's group (…村三组) */
const TAIL =
  /(?:(?!一[栋座幢](?![0-9０-９一二三四五六七八九十单层楼室]))(?:[0-9０-９]{1,5}|[A-Za-z]|[一二三四五六七八九十]{1,3})(?:号楼|号门|号出口|号口|栋|幢|座|单元|层|楼|室)|[东西南北](?:门|侧|口)|(?:以|向)?[东西南北](?=[，。、；,;\s]|$)|(?<=村)(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})(?:组|队|社)|(?<=[村区园苑城居寓期])(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})期|(?<=[村区园苑城居寓期])(?:[A-Za-z]?[0-9０-９]{1,3}|[一二三四五六七八九十东西南北])区(?!域|[0-9０-９])|(?<=门)出口|(?<=[座栋幢元])[0-9]{3,4}(?:室|号(?!线)|(?=[，。、；,;\s）)的]|$))|两侧|两旁|[东西南北](?:边|面|延)|[东西南北]{1,2}(?:角|侧)|对面|门口|十字路口|路口|交叉口|交汇处|交汇点|交叉处|交界处|步行街|商业街|(?:以|向)?(?:[东西南北]{1,2}|正[东西南北])(?:方向)?约?[0-9０-９]{1,5}(?:米|公里)处?)+/y;
/** the characters a TAIL can start with (a digit, a Latin letter, a numeral, a direction, 十, 路, 交, 步, 商) */
const TAIL_FIRST = new Uint8Array(0x10000);
for (const c of '0123456789０１２３４５６７８９一二三四五六七八九十东西南北以向路交步商正对门出两')
  TAIL_FIRST[c.charCodeAt(0)] = 1;
for (let c = 65; c <= 90; c++) TAIL_FIRST[c] = 1;
for (let c = 97; c <= 122; c++) TAIL_FIRST[c] = 1;
/** the length of the TAIL at `at` (0 when none); the expression runs only after a character that can open one */
function tailAt(text: string, at: number): number {
  if (TAIL_FIRST[codeAt(text, at)] !== 1) return 0;
  TAIL.lastIndex = at;
  return TAIL.exec(text)?.[0].length ?? 0;
}
/** a label's value ends at the end of its clause (a comma inside brackets does not end it), at a phone or postcode, or after 40 characters */
const VALUE_MAX = 40;
const VALUE_STOP = /^(?:邮编|电话|联系|手机|传真)/;
function valueEnd(text: string, from: number): number {
  let depth = 0;
  let firstComma = -1;
  let k = from;
  for (; k < text.length && k - from < VALUE_MAX; k++) {
    const c = text.charCodeAt(k);
    if (c === 0xff08 || c === 0x28) depth++;
    else if (c === 0xff09 || c === 0x29) {
      if (depth === 0) break;
      depth--;
      if (depth === 0) {
        k++;
        break;
      }
    } else if (c === 0xff0c || c === 0x2c || c === 0x3001) {
      if (depth === 0) break;
      if (firstComma < 0) firstComma = k;
    } else if (
      c === 0x3002 ||
      c === 0xff1b ||
      c === 0x3b ||
      c === 0xff01 ||
      c === 0x21 ||
      c === 0xff1f ||
      c === 0x3f ||
      c < 0x20
    )
      break;
    else if (k > from && VALUE_STOP.test(text.slice(k, k + 2))) break;
  }
  // a bracket left open within reach ends the value at its first comma
  return depth > 0 && firstComma >= 0 ? firstComma : k;
}
/** the characters of street and place words the text profile's street test reads (号 路 街 … 区 楼 城) */
const PLACE_CHAR = new Set([...'号路街巷弄道胡村厦场园寓苑区楼城'].map((c) => c.charCodeAt(0)));
const hasPlaceChar = (text: string, from: number, to: number): boolean => {
  for (let k = from; k < to; k++) if (PLACE_CHAR.has(text.charCodeAt(k))) return true;
  return false;
};
/** admin characters that also stand inside street names (花市, 菜市口) */
const ADMIN_IN_NAME = new Set([...'市'].map((c) => c.charCodeAt(0)));
/** the last character of a date (4月7日, 2008年) */
const DATE_END = new Set([...'年月日号'].map((c) => c.charCodeAt(0)));
const isDigitCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
/** the crossing of two streets (…与…交叉口, 十字路口, 交汇处) */
const CROSSING = /^(?:十字路口|路口|交叉口|交汇处|交叉处|交界处|交汇点)/;
/** the second street of a crossing and the crossing word after it (…与华阳路交叉处) */
const CROSS_AHEAD =
  /^[\u4e00-\u9fff]{1,6}?(?:大道|大街|路|街)(?:十字路口|路口|交叉口|交汇处|交叉处|交界处|交汇点)/;
/** the last characters of street words (…路, …街, …道, …巷) */
const STREET_KIND_END = new Set([...'路街道巷弄同'].map((c) => c.charCodeAt(0)));
/** a square, building or estate that stands on a street (滨江路的紫荆广场) */
const ON_STREET =
  /(?:广场|大厦|大楼|中心|商场|小区|花园|公寓|家园|新村)(?:[0-9０-９A-Za-z一二三四五六七八九十东西南北]|$)/;
const FLOOR_END = new Set([...'层室楼元座门侧'].map((c) => c.charCodeAt(0)));
/** the last characters of the building kinds of BUILDING_AFTER */
const BUILDING_LAST = new Set([...'厦楼心场寓园区村苑城居店馆'].map((c) => c.charCodeAt(0)));
/** BUILDING_AFTER at `at`, run only when one of its kind words' last characters comes soon enough */
function buildingAt(text: string, at: number): RegExpExecArray | null {
  let near = false;
  for (let k = at + 2; k < at + 9 && k < text.length && !near; k++)
    near = BUILDING_LAST.has(text.charCodeAt(k));
  if (!near) return null;
  BUILDING_AFTER.lastIndex = at;
  return BUILDING_AFTER.exec(text);
}
/**
 * a building or centre right after a street (大业路财富中心, 永福路泽源居7楼): its name; a hotel
 * only with its gate, side or floor after it (青松路白鹭饭店门口)
 */
const BUILDING_AFTER =
  /([\u4e00-\u9fff]{2,6}?)(?:大厦|大楼|中心|广场|商场|公寓|花园|小区|家园|新村|科技园|产业园|工业园|苑|城|居(?=[0-9０-９一二三四五六七八九十])|(?:酒店|饭店|宾馆)(?=门口|对面|[东西南北]门|[0-9０-９一二三四五六七八九十]{1,3}(?:层|楼)))(?![\u4e00-\u9fff]?(?:集团|公司|银行|有限|委|局|所|办))/y;
/** a park, estate or garden kind right after a place's own kind word (中关村|科技园, 翠湖家园|小区) */
const PARK_AFTER = /(?:科技园|产业园|工业园|小区|花园)(?![\u4e00-\u9fff]?(?:集团|公司|管委|委|局|办))/y;
/**
 * the kinds reported without a cue when the name stands alone: on the tune split a bare …大厦 or
 * …花园 was a labelled address less than half the time (landmarks, 皇家园林), a bare …村 two times in three
 */
const BARE_KINDS = new Set(['村', '小区', '新村']);
const addBit = (chars: string, bit: number): void => {
  for (const c of chars) FIRST_PASS[c.charCodeAt(0)] = (FIRST_PASS[c.charCodeAt(0)] as number) | bit;
};
addBit('路街巷弄', STREET_ONE);
addBit('道同', STREET_TWO);
for (const k of PLACE_KINDS) {
  const last = k.charCodeAt(k.length - 1);
  if (k.length === 1) FIRST_PASS[last] = (FIRST_PASS[last] as number) | PLACE_ONE;
  else {
    FIRST_PASS[last] = (FIRST_PASS[last] as number) | PLACE_END;
    PLACE_PREV[k.charCodeAt(k.length - 2)] = 1;
  }
}
addBit('号弄', NUMBER_WORD);
addBit(':：', COLON);
/** the passes a text needs (the bits of FIRST_PASS its characters hold, 道 and 同 read with the one before) */
/**
 * the positions of the text's characters that FIRST_PASS marks, in order, left by passesOf for the
 * passes to read (the streets and places passes visit these, not every character of the text again);
 * one buffer for every call, grown as needed: detect is synchronous and never reentered
 */
let hits = new Int32Array(1024);
let hitCount = 0;
function passesOf(text: string): number {
  let bits = 0;
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const f = FIRST_PASS[text.charCodeAt(k)] as number;
    if (f === 0) continue;
    if (n === hits.length) {
      const grown = new Int32Array(n * 2);
      grown.set(hits);
      hits = grown;
    }
    hits[n++] = k;
    if ((f & STREET_TWO) !== 0) {
      const b = codeAt(text, k - 1);
      if (b === 0x5927 || b === 0x80e1) bits |= STREET_ONE;
    } else if ((f & PLACE_END) !== 0) {
      if (PLACE_PREV[codeAt(text, k - 1)] === 1) bits |= PLACE_END;
      bits |= f & ~PLACE_END;
    } else bits |= f;
  }
  hitCount = n;
  return bits;
}
/** the kinds by their last character (a table, as this is read at every character), in list order */
const PLACE_LAST = new WordIndex(PLACE_KINDS, true);
/** a character right after the kind that makes it a longer word (广场舞, 园林, 园艺, 村墟) */
const PLACE_NOT_NEXT = new Set([...'舞林艺墟'].map((c) => c.charCodeAt(0)));
/** a verb right before 村 (驻村, 进村, 回村): going to the village, not its name */
const VILLAGE_VERB = new Set([...'驻进回离入'].map((c) => c.charCodeAt(0)));
/** …and after 村 (村民, 村委, 村落, 村干部: the village's people and bodies, not a place) */
const VILLAGE_NOT_NEXT = new Set(
  [...'民委里庄落镇干长级官头口上寨支户组务办规籍医'].map((c) => c.charCodeAt(0)),
);
/** What stands before a place in running text: a locative verb (位于, 在, 到…). */
const PLACE_BEFORE =
  /(?:位于|地处|在|到|到达|抵达|直达|向着|住|于|至|往|赴|来到|前往|落户|入驻|地址[：:]?|家住|住在|搬到|搬进|回到|走进)$/;
/** …or after it (…大厦举行, …村附近, …广场门口). */
const PLACE_AFTER =
  /^(?:举行|举办|召开|开幕|到了|附近|一带|周边|周围|对面|门口|门前|前|旁|内|里|北侧|南侧|东侧|西侧|[东西南北][面边]|[东西南北]门|[0-9０-９一二三四五六七八九十]{1,3}(?:号楼|层|楼|座|栋|幢|期|单元|室|区(?!域))|[，、。；）)]|\s|$)/;
/** the kinds of a building or estate: after 在 alone they are places (在星河大厦举办) */
const BUILDING_KINDS = new Set(['大厦', '大楼', '小区', '公寓', '商城', '广场']);
/** a numbered building, floor, unit or room after a place (…苑12幢, …大厦8层): the structure of a postal address */
const UNIT_AFTER = /^[0-9０-９一二三四五六七八九十]{1,3}(?:号楼|层|楼|座|栋|幢|单元|室)/;
/**
 * the building or group a postal address names after an estate or village (…小区3栋, …花园B座,
 * …苑12号楼, …村5组): the shape of an address whatever the name is (阳光小区3栋 although 阳光 is
 * a common word); a count of buildings (…小区3栋楼房) is none
 */
const STRUCTURE_AFTER =
  /(?:(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z])(?:号楼|栋|幢|座|单元)(?![楼房住宅民])|(?<=村)(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})组)/y;
/** …and a unit, floor or room after that building (3栋2单元, B座1203, 12号楼5层): a postal address down to the door */
const STRUCTURE_DEEP =
  /(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}|[A-Za-z])(?:号楼|栋|幢|座)(?:[0-9０-９]{1,2}(?:单元|层|楼)|[0-9]{3,4}(?![0-9０-９A-Za-z号年月日元万千百个米%.．:：-]))/y;
const structureDeepAt = (text: string, at: number): boolean => {
  STRUCTURE_DEEP.lastIndex = at;
  return STRUCTURE_DEEP.test(text);
};
const structureAt = (text: string, at: number): boolean => {
  STRUCTURE_AFTER.lastIndex = at;
  return STRUCTURE_AFTER.test(text);
};
/** Words that end in a place kind but name no place (农村, 全村, 广场舞). */
const NOT_PLACE =
  /^(?:农|乡|山|渔|全|本|该|外|邻|各|每|整|此|那|这|新农|城中|美丽乡|度假|文化|地球|中心|市民|人民|商业|休闲|主题|时代|城市|音乐|网络|数码|电子|购物|美食|儿童|英雄|一|两|几)/;

/** a building and its floor right after a street (永福路|泽源居7楼) */
const BUILDING_FLOOR_AFTER =
  /^[\u4e00-\u9fff]{2,4}(?:大厦|大楼|中心|公寓|花园|小区|家园|苑|居)[0-9０-９一二三四五六七八九十]{1,3}(?:号楼|层|楼|座|栋|幢|单元|室)/;
/** Words right after a street name that show it is a place (文汇路附近, 长阳大街与…交汇). */
const STREET_AFTER =
  /^(?:[0-9０-９]|[A-Za-z](?:栋|座|幢)|与|和|交|一带|附近|周边|对面|沿线|两侧|两旁|为界|[东西南北]延|延长线|上|旁|边|口|路口|十字|以[东西南北]|[东西南北]侧|[东西南北]面|[东西南北]段|段|北[口门]|南[口门]|东[口门]|西[口门]|步行街|[，、。；）)]|\s|$)/;

/**
 * Postal addresses, read by their grammar: [province][city][district][town] street + door number
 * [+ building, unit, floor, room] (北京市海淀区中关村大街27号3栋502室), and street names without a
 * door number when the context shows a place (位于文汇路, 长阳大街与…交汇). A door number needs a
 * street or building word before it (路, 街, 大厦, 小区…) or an address label (地址：): a region and
 * a number alone (上海市规划局公布55号) is no address. A number that belongs to the street name
 * (开发区2号大街22号) does not end the address. A region name alone identifies nobody and is not
 * reported.
 */
export function createAddress(d: PiiDictionaries): Detector {
  const a = d.address;
  const region = `(?:${alt(d.regions)})`;
  const regionRe = new RegExp(region);
  /**
   * the first two characters of every region, as packHan: a slice none of whose pairs is one holds
   * no region, and regionRe need not run on it (null when a region is shorter than two Han characters)
   */
  const regionPairs = d.regions.every((r) => r.length >= 2 && packHan(r.charCodeAt(0), r.charCodeAt(1)) >= 0)
    ? intSet(d.regions.map((r) => packHan(r.charCodeAt(0), r.charCodeAt(1))))
    : null;
  /** regionRe's match in text[from, to), or null */
  const regionIn = (text: string, from: number, to: number): RegExpExecArray | null => {
    if (regionPairs !== null) {
      let any = false;
      for (let k = from; k + 1 < to && !any; k++)
        any = regionPairs.has(packHan(text.charCodeAt(k), text.charCodeAt(k + 1)));
      if (!any) return null;
    }
    return regionRe.exec(text.slice(from, to));
  };
  const regionPrefix = new RegExp(
    `^(?:${region}(?:${alt(a['province-suffix'])})?|[${HAN}]{2,7}?(?:${alt(a['province-suffix'])}))?(?:${region}(?:${alt(a['city-suffix'])})?|[${HAN}]{1,5}?(?:${alt(a['city-suffix'])}))?`,
  );
  const numberedPart = `[0-9一二三四五六七八九十A-Za-z]{1,4}(?:${alt(a['detail-suffix'])})`;
  // After the door number: floors, rooms and their ranges (1901、1908室), a wing, tower or phase
  // (南楼, 东塔, A座, 二期), and a building or estate name when a number or wing follows it
  // (财富广场东塔, 南苑二期, 南都御景1号楼); never across a function character (…号的…).
  const wing = '[东西南北中](?:塔|楼|座|区)|[A-Z]座|[一二三四五六七八九十0-9]{1,2}期';
  // a room number with no 室 after a building, unit or floor (…大厦308, 六单元301), never a year,
  // an amount or a phone; a range of rooms or floors (1901、1908室, 5-8楼)
  const room = `[0-9]{3,4}(?![0-9０-９A-Za-z号年月日元万千百个米%.．:：-])`;
  const range = `[0-9]{1,5}(?:[、,，-][0-9]{1,5})+(?:室|号|楼|层)`;
  const detail = new RegExp(
    `(?:[ \\u3000]?(?:${numberedPart}|附[0-9]{1,3}号|内(?=${numberedPart})|${range}|(?<=[厦楼元座栋幢层])${room}|(?:套房|公寓|室)[ \\u3000]?[0-9]{1,5}|${wing}|[${HAN}]{2,8}?(?:大厦|大楼|中心|广场|酒店|商场|公寓)(?=${numberedPart}|${wing}|${range}|${room})|(?:(?![的了是在我你他她们把被就也还要说为请与及或等着过])[${HAN}]){2,6}?(?=${numberedPart}|[一二三四五六七八九十0-9]{1,2}期)))*`,
    'y',
  );
  const stop = new Set([...a.stop]);
  /** the characters of transliterated foreign names (name-cues.yaml), by UTF-16 code */
  const TRANSLIT = new Uint8Array(0x10000);
  for (const c of d.nameCues.translit) TRANSLIT[c.charCodeAt(0)] = 1;
  /** bit 1: the address stop characters (data/pii/address.yaml); bit 2: STREET_STOP, by UTF-16 code */
  const STOPS = new Uint8Array(0x10000);
  for (const c of a.stop) STOPS[c.charCodeAt(0)] = 1;
  for (const c of STREET_STOP) STOPS[c.charCodeAt(0)] = (STOPS[c.charCodeAt(0)] ?? 0) | 2;
  // (…园一区, …苑二期, …花园A区: an estate's zone or phase between its name and the building number)
  const streetEnd = new RegExp(
    `(?:${alt(a['street-suffix'])})(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2}|[A-Z])[区期])?[甲乙丙丁]?$`,
  );
  const streetStart = new RegExp(`^(?:${alt(['大街', '大道', '路', '街', '巷', '胡同', '弄'])})`);
  const adminSuffix = new RegExp(
    `[${HAN}](?:${alt([...a['province-suffix'], ...a['city-suffix'], ...a['district-suffix'], ...a['town-suffix']])})`,
  );
  const notAfter = /^(?:线|机|位|选手|文件|令|公告|文|房间|球员|种子|字|台风|病人|患者|车厢|窗口|柜台|门)/;
  const labelled = (text: string, start: number) => {
    // one slice for every label (this runs at every candidate)
    const win = text.slice(Math.max(0, start - 8), start);
    return a.labels.some((l) => win.includes(l));
  };
  const common = d.commonWords;
  const regionSet = new Set(d.regions);
  const words = d.words;
  /**
   * the first two characters of every place name and region, as packHan: most positions are ruled
   * out with one integer look-up, before any slice of the text (this runs at every candidate)
   */
  const heads = new Set<number>();
  for (const w of [...(words?.places ?? []), ...d.regions])
    if (w.length >= 2) heads.add(packHan(w.charCodeAt(0), w.charCodeAt(1)));
  const placeHeads = intSet(heads);
  const headAt = (text: string, at: number): boolean =>
    placeHeads.has(packHan(codeAt(text, at), codeAt(text, at + 1)));
  /** jieba's list knows it as a place name (中关村, 长安街) */
  const isPlaceName = (w: string): boolean =>
    w.length >= 2 && headAt(w, 0) && (words?.places.has(w) ?? false);
  /** text[from, to) is a place name jieba knows */
  const placeSpan = (text: string, from: number, to: number): boolean =>
    to - from >= 2 && headAt(text, from) && (words?.places.has(text.slice(from, to)) ?? false);
  /** text[from, to) is an ordinary word of jieba's list that is no place name (农村, 度假村, 下坡路) */
  const ordinaryAt = (text: string, from: number, to: number): boolean => {
    if (!words) return false;
    const n = to - from;
    const a0 = text.charCodeAt(from);
    const a1 = text.charCodeAt(from + 1);
    const hit =
      n === 2
        ? words.words2.has(packHan(a0, a1))
        : n === 3
          ? words.words3.has(pack3(a0, a1, text.charCodeAt(from + 2)))
          : n === 4 && words.words4Heads.has(packHan(a0, a1)) && words.words4.has(text.slice(from, to));
    return hit && !placeSpan(text, from, to);
  };
  const isOrdinary = (w: string): boolean => ordinaryAt(w, 0, w.length);
  /**
   * the start of a short name (min to 3 characters) ending at `coreEnd` that a word of the sentence
   * stands right before: a function character (让, 对), a date's 日, or a frequent two-character
   * word of jieba's list (担心, 核定); `from` when there is none
   */
  const frequentAt = (text: string, at: number): boolean =>
    words?.frequent50.has(packHan(codeAt(text, at), codeAt(text, at + 1))) ?? false;
  const veryFrequentAt = (text: string, at: number): boolean =>
    words?.frequent300.has(packHan(codeAt(text, at), codeAt(text, at + 1))) ?? false;
  const shortTail = (text: string, from: number, coreEnd: number, min: number): number => {
    for (let len = min; len <= 3; len++) {
      const t = coreEnd - len;
      if (t - 1 < from) break;
      const c = text.charCodeAt(t - 1);
      // the name is no word of the sentence itself (国际|艺术村, 试点|信用村)
      if (len >= 2 && (frequentAt(text, t) || ordinaryAt(text, t, coreEnd))) continue;
      if (LEAD_OFF.has(c) || c === 0x65e5) return t;
      if (t - 2 >= from && frequentAt(text, t - 2)) return t;
    }
    return from;
  };

  /** the admin prefix that ends `head` (通州区, 恩平市大田镇), unless it is an ordinary word (辖区, 景区) */
  const adminBefore = (head: string): RegExpExecArray | null => {
    const m = ADMIN_CHAIN.exec(head);
    return m && m[0].length <= 3 && isOrdinary(m[0]) && !regionSet.has(m[0].slice(0, -1)) ? null : m;
  };
  /**
   * Where the admin prefix before `start` begins (通州区|梨园南街, 恩平市大田镇|岑那洋村), read by the
   * rule of numbered addresses, or -1. Only a text whose character before `start` ends an admin word
   * (区, 市, 镇, 道…) can have one, so most candidates are ruled out without the expression.
   */
  const adminStart = (text: string, start: number): number => {
    if (!ADMIN_END.has(codeAt(text, start - 1))) return -1;
    let s = start;
    while (
      s > 0 &&
      start - s < 16 &&
      PREFIX_CODE[text.charCodeAt(s - 1)] === 1 &&
      ((STOPS[text.charCodeAt(s - 1)] ?? 0) & 1) === 0
    )
      s--;
    const head = text.slice(s, start);
    const admin = adminBefore(head);
    if (!admin) return -1;
    // a region inside the chain's first level starts it (出生地山西省… → 山西省…): the lazy first
    // level would otherwise open at the walk's far end
    const r = regionRe.exec(head);
    const firstLevel = FIRST_LEVEL.exec(admin[0])?.[0] ?? '';
    const firstLevelEnd = admin.index + firstLevel.length;
    if (r && r.index < firstLevelEnd) return s + r.index;
    // without a region, a function word or the end of a very frequent word opening the first level
    // of three characters or more is the sentence's (对|须水镇…, 此次|…)
    let at = s + admin.index;
    if (
      firstLevel.length >= 4 &&
      ADMIN_SUFFIX1.has(firstLevel.charCodeAt(firstLevel.length - 1)) &&
      (LEAD_OFF.has(text.charCodeAt(at)) || veryFrequentAt(text, at - 1))
    )
      at++;
    return at;
  };
  /** a word ends the candidate: some tail of it that holds the kind is an ordinary word (…家农村, 所以度假村) */
  const endsInWord = (text: string, start: number, coreEnd: number, end: number): boolean => {
    // a two-character kind (广场, 小区): only the whole candidate (大广场 is a word, 正大广场 a place)
    if (end - coreEnd > 1) return ordinaryAt(text, start, end);
    for (let k = Math.max(start, end - 4); k < coreEnd; k++) if (ordinaryAt(text, k, end)) return true;
    return false;
  };
  /** Named buildings that stand for an institution (五角大楼). */
  const notPlace = new Set(a['not-place']);
  /** Words ending in a street character that are no street (思路, 道路, 逛街…). */
  const notStreet = new Set(a['not-street']);
  /** their first characters, by UTF-16 code: most tails of a street are no word of the list, told without a slice */
  const NOT_STREET_HEAD = new Uint8Array(0x10000);
  for (const w of notStreet) NOT_STREET_HEAD[w.charCodeAt(0)] = 1;

  function numbered(text: string, out: Finding[]): void {
    let lastEnd = 0;
    // ANCHOR's matches, as matchAll gives them, read from the 号 and 弄 passesOf marked
    for (const [numStart, anchorStop] of anchorMatches(text, hits, hitCount)) {
      let numEnd = anchorStop;
      const next = text.slice(numEnd, numEnd + 2);
      // (…5号楼门口: the building's door, not a gate numbered 5)
      if (notAfter.test(next) && !(next.charCodeAt(0) === 0x95e8 && text.charCodeAt(numEnd - 1) !== 0x53f7))
        continue;
      // 2号大街22号: this number is part of the street's name; the next anchor takes it in
      if (streetStart.test(next)) continue;
      let start = numStart;
      while (start > lastEnd && numStart - start < MAX_PREFIX) {
        const c = text.charCodeAt(start - 1);
        if (PREFIX_CODE[c] !== 1 || ((STOPS[c] ?? 0) & 1) !== 0) break;
        start--;
      }
      // digits opening the prefix are cut off, unless they number its building (9号楼1单元…166号)
      const digitsAt = start;
      while (start < numStart && /[0-9A-Za-z]/.test(text[start] ?? '')) start++;
      const buildingFirst = start > digitsAt && BUILDING_NUMBER.test(text.slice(start, start + 2));
      if (buildingFirst) start = digitsAt;
      let prefix = text.slice(start, numStart);
      if (prefix.length < 2) continue;
      const r = regionRe.exec(prefix);
      // a region inside the prefix starts it (…的上海市…), unless a whole admin level stands
      // before it (杨浦区|榆林路…: the region names the street)
      const chainFirst = r && r.index > 0 ? FIRST_ADMIN.exec(prefix) : null;
      if (r && r.index > 0 && !(chainFirst && chainFirst.index + chainFirst[0].length <= r.index)) {
        start += r.index;
        prefix = prefix.slice(r.index);
      }
      // without a region the prefix is only the street part: a long run of text before a street
      // name is not part of the address (…咨询空气净化东门捷径巷14号 → 东门捷径巷14号)
      if (!r) {
        const chain = FIRST_ADMIN.exec(prefix);
        const keep = chain
          ? prefix.length - chain.index
          : buildingFirst
            ? Math.min(prefix.length, 16)
            : Math.min(prefix.length, 8);
        start = numStart - keep;
        prefix = prefix.slice(prefix.length - keep);
      }
      const isLabelled = labelled(text, start);
      const hasRegion = r !== null;
      const hasStreet = streetEnd.test(prefix);
      const hasAdmin = adminSuffix.test(prefix);
      if (!hasStreet && !isLabelled) continue;
      detail.lastIndex = numEnd;
      const dm = detail.exec(text);
      if (dm) numEnd += dm[0].length;
      const hasDetail = (dm?.[0].length ?? 0) > 0;
      const score =
        0.5 +
        (hasRegion ? 0.2 : 0) +
        (hasAdmin ? 0.1 : 0) +
        (hasStreet ? 0.15 : 0) +
        (hasDetail ? 0.1 : 0) +
        (isLabelled ? 0.2 : 0);
      const regionText = regionPrefix.exec(prefix)?.[0];
      out.push(
        finding('address', text, start, numEnd, score, regionText ? { region: regionText } : undefined),
      );
      lastEnd = numEnd;
    }
  }

  function streets(text: string, out: Finding[]): void {
    // what is already found, as covered characters (built once, when there is any)
    let cover: Uint8Array | undefined;
    const covered = (a: number, b: number): boolean => {
      if (out.length === 0) return false;
      cover ??= coverOf(text, out);
      return anyIn(cover, a, b);
    };
    // (over the street words passesOf marked)
    for (const m of streetMatches(text, hits, hitCount)) {
      let start = m.index;
      const end = start + m[0].length;
      // the name starts after the last function character (在文汇路 → 文汇路), and is short
      // (大道 大街 胡同, read by code: two expressions on a slice at every street were a third of this pass)
      const z = text.charCodeAt(end - 1);
      const y = text.charCodeAt(end - 2);
      const suffixLen =
        (y === 0x5927 && (z === 0x9053 || z === 0x8857)) || (y === 0x80e1 && z === 0x540c) ? 2 : 1;
      // (?:[东西南北中]|[一二三四五六七八九十]{1,2})$ on the match before its street word
      const x = text.charCodeAt(end - suffixLen - 1);
      const mod = NUMERAL.has(x)
        ? end - suffixLen - 2 >= start && NUMERAL.has(text.charCodeAt(end - suffixLen - 2))
          ? 2
          : 1
        : DIRECTION.has(x)
          ? 1
          : 0;
      // 快速路 and 高速公路 are the street word, not the name's end (京良|快速路)
      const roadKind =
        mod === 0 && suffixLen === 1 && ROAD_KIND_NEXT_TO_LAST.has(text.charCodeAt(end - 2))
          ? (ROAD_KIND.exec(m[0])?.[1]?.length ?? 1) - 1
          : 0;
      const coreEnd = end - suffixLen - mod - roadKind;
      // the street word inside an address already found (a door-numbered one): nothing new
      if (covered(coreEnd, end)) continue;
      start = Math.max(start, coreEnd - 3);
      for (let k = coreEnd - 1; k >= start; k--)
        if (STOPS[text.charCodeAt(k)] !== 0) {
          // 市 or 区 with one character after it is the name's (花市|街道, 煤市口|路), not an admin word's
          const inName =
            coreEnd - k - 1 <= 1 &&
            k > start &&
            ADMIN_IN_NAME.has(text.charCodeAt(k)) &&
            STOPS[text.charCodeAt(k - 1)] === 0 &&
            isHanChar(text.charCodeAt(k - 1));
          start = inName ? k - 1 : k + 1;
          break;
        }
      // a region across or inside the cut decides where the name starts (上海南京东路 → not 海南京东路,
      // 寸土寸金南京路 → 南京路), and an admin word the cut split (街道华兴路) stays before it
      const base = Math.max(0, start - 3);
      const rg = NO_REGION_CUT ? null : regionIn(text, base, coreEnd);
      if (rg) {
        const rs = base + rg.index;
        const re = rs + rg[0].length;
        if ((rs < start && re > start) || (rs > start && re <= coreEnd)) start = rs;
      } else if (start < coreEnd - 2 && ADMIN_END.has(text.charCodeAt(start))) start++;
      // 安菲尔德路, 西哈努克大道: a cut of three transliteration characters is part of a longer
      // foreign name; it is read back over the transliteration characters before it (seven at most)
      if (
        start === coreEnd - 3 &&
        TRANSLIT[text.charCodeAt(start)] === 1 &&
        TRANSLIT[text.charCodeAt(start + 1)] === 1 &&
        TRANSLIT[text.charCodeAt(start + 2)] === 1
      )
        while (
          start > m.index &&
          coreEnd - start < 7 &&
          TRANSLIT[text.charCodeAt(start - 1)] === 1 &&
          STOPS[text.charCodeAt(start - 1)] === 0
        )
          start--;
      // …美食城和购物街: a conjunction opening a three-character cut is the list's, not the name's
      if (start < coreEnd - 2 && JOINER.has(text.charCodeAt(start))) start++;
      // 到达|长兴路, 选择|金融街, 跟|金融街: the first character of a three-character cut that ends
      // a frequent word of the sentence, or is a function word, is the sentence's, not the name's (the
      // span starts after it; whether the street is taken is still read on the cut)
      const leadAt =
        start === coreEnd - 3 &&
        rg === null &&
        (LEAD_OFF.has(text.charCodeAt(start)) ||
          (veryFrequentAt(text, start - 1) && !PLACE_WORD_END.has(text.charCodeAt(start)))) &&
        !placeSpan(text, start, coreEnd)
          ? start
          : -1;
      // 沿上南路, 东至军张路: the cue verb is not the name's (沿江路 keeps it: one character would be left)
      let cueCut = false;
      const c0 = text.charCodeAt(start);
      if (
        coreEnd - start + mod >= 3 &&
        (c0 === 0x6cbf || (c0 === 0x81f3 && BEFORE_ZHI.has(text.charCodeAt(start - 1))))
      ) {
        start++;
        cueCut = true;
      }
      // 2号大街, 62号路: a street named by its number (a door number, if any, comes after it)
      if (
        coreEnd - start === 1 &&
        text.charCodeAt(start) === 0x53f7 &&
        isDigitCode(codeAt(text, start - 1))
      ) {
        const numberEnd = start;
        while (start > 0 && isDigitCode(text.charCodeAt(start - 1)) && numberEnd - start < 3) start--;
      }
      // 文三路, 纬二路: a name of one character before a numeral, after a boundary or a cue verb
      // (行驶至|文三路, 在|经一路); taken below only with a cue, an admin prefix or as a crossing
      let oneChar = false;
      if (mod > 0 && !cueCut && NUMERAL.has(text.charCodeAt(coreEnd)) && coreEnd - start >= 1) {
        const c = text.charCodeAt(coreEnd - 1);
        const b = codeAt(text, coreEnd - 2);
        if (
          isHanChar(c) &&
          !NUMERAL.has(c) &&
          STOPS[c] === 0 &&
          !ONE_CHAR_NOT.has(c) &&
          (!isHanChar(b) || STOPS[b] !== 0 || CUE_IN_CUT.has(b) || JOINER.has(b) || ONE_CHAR_AFTER.has(b))
        ) {
          start = coreEnd - 1;
          oneChar = true;
        }
      }
      const word = text.slice(start, end);
      const name = text.slice(start, coreEnd);
      let plain = false;
      for (let k = 0; k < coreEnd - start && !plain; k++)
        if (NOT_STREET_HEAD[text.charCodeAt(start + k)] === 1 && notStreet.has(word.slice(k))) plain = true;
      // 南山路 is a street although 山路 is a word; …一路向北 is "all the way", no street
      if (plain && isPlaceName(word)) plain = false;
      if (word.endsWith('一路') && ALL_THE_WAY.has(text.charCodeAt(end))) plain = true;
      // a region or place name right before (上海漕宝路, 福州五一路) reads as an address too, and
      // lets a name start with a numeral (五一路) or be a common word (南京东路); …or a region opens
      // the name itself (上海|漕宝路, 福州|五一路: 五一 is the name, not an ordinal). Read only when
      // needed: this runs at every street word of the text.
      if (plain && mod > 0 && regionOpening(name) === name.length) plain = false;
      if (plain || name.length < ((cueCut || oneChar) && mod > 0 ? 1 : 2)) continue;
      // a city's 街头 is its streets, no street (北京街头)
      if (codeAt(text, end) === 0x5934 && regionSet.has(name)) continue;
      const commonName = common.has(name);
      const numeral = NUMERAL.has(name.charCodeAt(0));
      // a common word or a numeral as the name (平安北街, 三环路) needs the context of a place below
      const weakName = (commonName || numeral) && !isPlaceName(word) && !placedAt(text, start, name);
      // inside a door-numbered address already found, or an admin word a street before ends in
      // (粤海街道|科苑路: the next street starts after 道), the name is no new address
      if (covered(start, end)) continue;
      // extend left over an admin prefix (通州区梨园南街) read by the same rule as numbered addresses
      const adminAt = adminStart(text, start);
      const admin = adminAt >= 0;
      if (admin) start = adminAt;
      const before = text.slice(Math.max(0, start - 3), start);
      const cueBefore =
        /(?:位于|地处|在|到|住|沿|沿着|顺着|经过|途经|经|从|至|往|于|主干道|地址[：:]?|家住|住在)$/.test(
          before,
        ) || labelled(text, start);
      // …街道 is a sub-district, part of the address (陶然亭街道); 街道办 is its office
      let last = end;
      if (text.charCodeAt(end - 1) === 0x8857 && text.charCodeAt(end) === 0x9053) {
        // (its staff after a district and the sub-district: 崇文区花市街道工作人员 still names a place)
        const office = text.slice(end + 1, end + 3);
        if (/^(?:办|执法|党|委|居委|干部)/.test(office) || (!admin && office === '工作')) continue;
        last = end + 1;
      }
      // a branch or station named after its street (海鹰路营业部, 淮海路派出所) is an organisation
      const after = text.slice(last, last + 3);
      if (ORG_AFTER_STREET.test(after)) continue;
      // …or a sub-district (建国门街道), or right after another street found (新闸路|石门路)
      const cueAfter =
        STREET_AFTER.test(after) ||
        BUILDING_FLOOR_AFTER.test(text.slice(last, last + 9)) ||
        (last > end && (isPlaceName(name) || regionSet.has(name))) ||
        (STREET_KIND_END.has(codeAt(text, start - 1)) && covered(start - 1, start));
      if (weakName) {
        // …with a direction or ordinal and a locative before it (位于平安北街), or as one of two
        // crossing streets (西长安街与三环路交汇处)
        const crossing =
          (JOINER.has(codeAt(text, start - 1)) && CROSSING.test(text.slice(last, last + 4))) ||
          (JOINER.has(text.charCodeAt(last)) && CROSS_AHEAD.test(text.slice(last + 1, last + 12)));
        const locative = cueBefore && text.charCodeAt(start - 1) !== 0x5728;
        if (!crossing && !(mod > 0 && locative && !numeral)) continue;
      } else if (oneChar && !cueBefore && !admin) {
        const crossing =
          (JOINER.has(codeAt(text, start - 1)) && CROSSING.test(text.slice(last, last + 4))) ||
          (JOINER.has(text.charCodeAt(last)) && CROSS_AHEAD.test(text.slice(last + 1, last + 12)));
        if (!crossing) continue;
      }
      // a street jieba knows by name (长安街, 淮海路) needs no cue
      const known =
        !cueBefore && !cueAfter && !admin && (placeSpan(text, start, end) || placedAt(text, start, name));
      if (!cueBefore && !cueAfter && !admin && !known) continue;
      // with no cue before it, an ordinary word of the list (下坡路, 轻车熟路) names no street
      if (
        !cueBefore &&
        !admin &&
        (!cueAfter || PUNCT_AFTER.test(text.slice(last, last + 1))) &&
        ordinaryAt(text, start, end)
      )
        continue;
      if (!cueBefore && !admin && inVerse(text, start, end)) continue;
      const score = known ? 0.55 : 0.5 + (cueBefore ? 0.1 : 0) + (cueAfter ? 0.1 : 0) + (admin ? 0.15 : 0);
      if (start === leadAt) start++;
      out.push(finding('address', text, start, last, Math.min(score, 0.84)));
      cover?.fill(1, start, last);
    }
  }

  /**
   * Named buildings, estates and villages with no street before them (位于星港花园, 在理想国际大厦
   * 举行, 松坪村三期): only with a locative cue, an admin prefix or a door/floor after, and the kind
   * (村, 广场) never alone; they are `medium` at most.
   */
  function places(text: string, out: Finding[]): void {
    // always an array of small integers filled from a literal (an empty literal and map's result have
    // other elements kinds: optimised code meeting the second kind is thrown away and compiled again)
    const ends: number[] = [];
    for (let k = 0; k < out.length; k++) ends.push((out[k] as Finding).end);
    ends.sort((x, y) => x - y);
    let ei = 0;
    let floor = 0;
    // what the other passes found, as covered characters: built at the first candidate that asks
    let cover: Uint8Array | undefined;
    const covered = (a: number, b: number): boolean => {
      if (out.length === 0) return false;
      cover ??= coverOf(text, out);
      return anyIn(cover, a, b);
    };
    for (let h = 0; h < hitCount; h++) {
      const p = hits[h] as number;
      if (p < 1) continue;
      // one table read rules out most characters: no kind ends in it, or it ends only kinds of two
      // characters or more and the one before is none of theirs (地区, 市场, 城市)
      const pc = FIRST_PASS[text.charCodeAt(p)] as number;
      if ((pc & PLACE_ONE) === 0 && ((pc & PLACE_END) === 0 || PLACE_PREV[text.charCodeAt(p - 1)] !== 1))
        continue;
      const kinds = PLACE_LAST.get(text.charCodeAt(p));
      if (kinds === undefined) continue;
      const end = p + 1;
      if (end < text.length && PLACE_NOT_NEXT.has(text.charCodeAt(end))) continue;
      let kind = '';
      for (const k of kinds)
        if (end >= k.length && text.startsWith(k, end - k.length)) {
          kind = k;
          break;
        }
      if (kind === '') continue;
      if (end < text.length && text.charCodeAt(p) === 0x6751 && VILLAGE_NOT_NEXT.has(text.charCodeAt(end)))
        continue;
      const coreEnd = end - kind.length;
      // a name never reaches back into an address already found (青禾村和石榴村: two villages); the
      // ends of what the other passes found are read once, in order (no scan of them per candidate)
      while (ei < ends.length && (ends[ei] ?? 0) <= coreEnd) floor = Math.max(floor, ends[ei++] ?? 0);
      let start = coreEnd;
      while (start > floor && coreEnd - start < 6) {
        const c = text.charCodeAt(start - 1);
        // 那 inside a southern village's name (岑那洋村) is no demonstrative: a name character
        // stands on both sides of it
        const naInName =
          c === 0x90a3 &&
          start - 2 > floor &&
          STOPS[text.charCodeAt(start - 2)] === 0 &&
          isHanChar(text.charCodeAt(start - 2)) &&
          coreEnd - start >= 1;
        if (PREFIX_CODE[c] !== 1 || (STOPS[c] !== 0 && !naInName)) break;
        // a date ends there (4月7日|青禾村)
        if (DATE_END.has(c) && isDigitCode(text.charCodeAt(start - 2))) break;
        // …花园和十字花园: a conjunction after another place's kind word ends the name
        if (JOINER.has(c) && KIND_END.has(text.charCodeAt(start - 2))) break;
        start--;
      }
      // the name began at a boundary (punctuation, a function word, the line's start), not at the cut
      let bounded = start === floor || coreEnd - start < 6;
      // the cut split a region (杭|州丁桥辰秀嘉苑) or left one just before the name (北京北|四环理想
      //国际大厦): the name starts with it
      if (!bounded && !NO_REGION_CUT) {
        let base = start;
        while (base > floor && start - base < 4) {
          const c = text.charCodeAt(base - 1);
          if (PREFIX_CODE[c] !== 1 || STOPS[c] !== 0) break;
          base--;
        }
        const rg = regionIn(text, base, start + 1);
        if (rg && base + rg.index < start) {
          start = base + rg.index;
          bounded = true;
        }
      }
      // …镇某村, …区某小区: a place left unnamed after its admin chain is still an address
      if (start === coreEnd && codeAt(text, coreEnd - 1) === 0x67d0) {
        const a0 = adminStart(text, coreEnd - 1);
        if (a0 >= floor && a0 >= 0 && !covered(a0, end)) {
          out.push(finding('address', text, a0, end, 0.65));
          floor = Math.max(floor, end);
        }
        continue;
      }
      let name = text.slice(start, coreEnd);
      // a numbered building or a group after it: the shape of an address (阳光小区3栋2单元)
      const structured = end < text.length && structureAt(text, end);
      // a village's name may be one character (蒜村, 郭村) where a boundary stands before it
      if (
        name.length <
          (kind === '村' && (start > floor || floor === 0) && isHanChar(text.charCodeAt(start)) ? 1 : 2) ||
        NOT_PLACE.test(name) ||
        (common.has(name) && !structured && adminStart(text, start) < 0) ||
        /^[0-9]/.test(name)
      )
        continue;
      if (covered(start, end)) continue;
      // a frequent word or a function character at the front is the sentence, not the name
      // (这个时候海渔广场 → 海渔广场, 以中央广场 → 中央广场); a village's name may be one
      // character once the conjunction is off (…和蒜村)
      const minName = kind === '村' ? 1 : 2;
      // 此次|余家头小区: a first character that ends a very frequent word with the one before it
      if (
        start > 0 &&
        coreEnd - start > minName + 1 &&
        veryFrequentAt(text, start - 1) &&
        !placeSpan(text, start, coreEnd) &&
        !PLACE_WORD_END.has(text.charCodeAt(start))
      )
        start++;
      for (let again = true; again && coreEnd - start > minName; ) {
        again = false;
        if (LEAD_OFF.has(text.charCodeAt(start))) {
          start++;
          again = true;
        } else if (coreEnd - start > 3 && LEAD_WORDS.has(text.slice(start, start + 2))) {
          start += 2;
          again = true;
        }
      }
      if (!structured && endsInWord(text, start, coreEnd, end) && !placeSpan(text, start, end)) continue;
      if (notPlace.has(text.slice(start, end))) continue;
      const adminAt = adminStart(text, start);
      const admin = adminAt >= 0;
      if (admin) start = adminAt;
      const cueBefore = PLACE_BEFORE.test(text.slice(Math.max(0, start - 3), start)) || labelled(text, start);
      const after = text.slice(end, end + 4);
      if (ORG_AFTER_STREET.test(after) || after.startsWith('党')) continue;
      const cueAfter = PLACE_AFTER.test(after);
      // punctuation after, or 在 before, is a weak cue alone (…在国内农村, 海豚家园，)
      // a quoted name (“星河广场”) or a region or known place right before it (上海|星河广场) is a cue
      const quoted = codeAt(text, start - 1) === 0x201c && codeAt(text, end) === 0x201d;
      // (…or opening its name: 上海正大|广场 cut with the region inside)
      const placed =
        !admin &&
        BUILDING_KINDS.has(kind) &&
        (placeBefore(text, start, floor) < start || regionPrefixLength(name) > 0);
      // …on a street found just before (滨江路的|紫荆广场): assemble joins the two
      const onStreet =
        codeAt(text, start - 1) === 0x7684 &&
        STREET_KIND_END.has(text.charCodeAt(start - 2)) &&
        covered(start - 2, start - 1);
      const strong =
        admin ||
        structured ||
        quoted ||
        placed ||
        onStreet ||
        (cueBefore && cueAfter) ||
        (cueAfter && !/^(?:[，、。；）)]|\s|$)/.test(after)) ||
        (cueBefore && (text.charCodeAt(start - 1) !== 0x5728 || BUILDING_KINDS.has(kind)));
      // without any cue: a named place jieba knows, or a short name standing alone (…，子君村和…)
      const known = !strong && placeSpan(text, start, end);
      // a long run before the kind: the name is its short tail after a word of the sentence
      // (开发商更担心|蒜村, 原因让|子君村, 4月7日|子君村)
      if (!strong && !known && !(bounded && name.length <= 4) && BARE_KINDS.has(kind)) {
        const t = shortTail(text, start, coreEnd, kind === '村' ? 1 : 2);
        if (t > start && !endsInWord(text, t, coreEnd, end)) {
          start = t;
          name = text.slice(start, coreEnd);
          bounded = true;
        }
      }
      // …and never inside a work's title (《魔童村》), after an adjective (大型广场) or a verb (驻村)
      const bare =
        !strong &&
        (known || (bounded && name.length <= 4 && BARE_KINDS.has(kind))) &&
        codeAt(text, start - 1) !== 0x300a &&
        !(coreEnd - start >= 2 && text.charCodeAt(coreEnd - 1) === 0x578b) &&
        !(kind === '村' && VILLAGE_VERB.has(text.charCodeAt(coreEnd - 1))) &&
        !inVerse(text, start, end);
      if (!strong && !bare) continue;
      const score = bare
        ? known
          ? 0.6
          : 0.55
        : 0.5 +
          (cueBefore ? 0.1 : 0) +
          (cueAfter || structured ? (structured || UNIT_AFTER.test(after) ? 0.3 : 0.1) : 0) +
          (admin ? 0.15 : 0);
      // an estate's building with its unit, floor or room after it is an address almost always (high)
      const top = structured && !NOT_PLACE.test(name) && structureDeepAt(text, end) ? 0.9 : 0.84;
      out.push(finding('address', text, start, end, Math.min(score, top)));
      floor = Math.max(floor, end);
    }
  }

  /** a region opening the street's name, the whole of it (福州|五一) or followed by more (上海|漕宝): its length, or 0 */
  const regionOpening = (name: string): number =>
    name.length >= 2 && headAt(name, 0) && regionSet.has(name) ? name.length : regionPrefixLength(name);
  /** a region or known place right before the street's name, or a region opening it */
  const placedAt = (text: string, start: number, name: string): boolean =>
    placeBefore(text, start, 0) < start || regionOpening(name) > 0;
  /** the length of a region opening `name` with more of the name after it (上海漕宝 → 2), or 0 */
  const regionPrefixLength = (name: string): number => {
    if (name.length < 3 || !headAt(name, 0)) return 0;
    for (let len = Math.min(4, name.length - 1); len >= 2; len--)
      if (regionSet.has(name.slice(0, len))) return len;
    return 0;
  };
  /** a region or a place name jieba knows ending right at `at` (上海|正大广场, 福清|万达广场): its start */
  const placeBefore = (text: string, at: number, floor: number): number => {
    for (let len = 4; len >= 2; len--) {
      const from = at - len;
      if (from < floor) continue;
      if (!headAt(text, from)) continue;
      const w = text.slice(from, at);
      // 西至|军张路: a place word that ends in a cue verb is the sentence's
      if (!isHanRun(w) || CUE_IN_CUT.has(w.charCodeAt(w.length - 1))) continue;
      if (regionSet.has(w) || words?.places.has(w)) return from;
    }
    return at;
  };

  /**
   * One address per place: a region or place name right before a street or place is taken in
   * (上海正大广场), what follows a street or place is read on (floors, gates, a side, a corner:
   * 理想国际大厦8层, 长清路7号门, 京良路南侧, 玉苍路路口), and pieces that touch are one address
   * (南京路 + 世纪广场, 大业路 + 财富中心).
   */
  function assemble(text: string, out: Finding[]): Finding[] {
    if (out.length > 1) out.sort((x, y) => x.start - y.start);
    const merged: Finding[] = [];
    for (const f of out) {
      let { start, end, score } = f;
      const prev = merged[merged.length - 1];
      const floor = prev ? prev.end : 0;
      for (let k = 0; k < 2; k++) {
        const s2 = placeBefore(text, start, floor);
        if (s2 === start) break;
        start = s2;
      }
      const t = tailAt(text, end);
      end += t;
      // a building after a street or door number; after a floor or room a …中心 is an office in it
      // (after a pedestrian street the building stands on it: 南京路步行街|世纪广场)
      const b =
        (t > 0 && text.charCodeAt(end - 1) !== 0x8857) || FLOOR_END.has(text.charCodeAt(end - 1))
          ? null
          : buildingAt(text, end);
      if (
        b &&
        ![...(b[1] ?? '')].some((c) => stop.has(c) || STREET_STOP.has(c) || JOINER.has(c.charCodeAt(0)))
      ) {
        end += b[0].length;
        end += tailAt(text, end);
      } else if (KIND_END.has(text.charCodeAt(end - 1))) {
        // a park, estate or garden named by the place before it (…村|科技园, …家园|小区, …广场|花园)
        PARK_AFTER.lastIndex = end;
        const k = PARK_AFTER.exec(text);
        if (k) end += k[0].length + tailAt(text, end + k[0].length);
      }
      // pieces that touch are one address, unless a conjunction opens the second (青禾村和石榴村);
      // two streets and their crossing are one place (青松路与银杏路交叉口), and so is a square or
      // building on a street (滨江路的紫荆广场)
      const gap = prev ? text.charCodeAt(prev.end) : 0;
      const joined =
        prev !== undefined &&
        start === prev.end + 1 &&
        ((JOINER.has(gap) && t > 0 && CROSSING.test(text.slice(f.end, f.end + 4))) ||
          (gap === 0x7684 &&
            STREET_KIND_END.has(text.charCodeAt(prev.end - 1)) &&
            ON_STREET.test(text.slice(start, end))));
      if (
        prev &&
        (joined || start < prev.end || (start === prev.end && !JOINER.has(text.charCodeAt(start))))
      ) {
        merged[merged.length - 1] = finding(
          'address',
          text,
          prev.start,
          Math.max(end, prev.end),
          Math.max(prev.score, score),
          prev.facts,
        );
        continue;
      }
      if (start === f.start && end === f.end) merged.push(f);
      else merged.push(finding('address', text, start, end, score, f.facts));
    }
    return merged;
  }

  /** metro stations and their exits (地铁4号线枣园站, 16号线惠南地铁站2号口): a place people meet at */
  function stations(text: string, out: Finding[]): void {
    // called only where numbered() found a 号 (one scan of the text for both)
    if (text.indexOf('号线') < 0) return;
    // the matches of one scan never overlap each other: only the findings made before it are read
    // (a scan of every station found per match was quadratic on a long line of stations)
    const before = out.length;
    for (const m of text.matchAll(STATION)) {
      const start = m.index;
      const end = start + m[0].length;
      let overlaps = false;
      for (let k = 0; k < before && !overlaps; k++) {
        const f = out[k] as Finding;
        overlaps = start < f.end && f.start < end;
      }
      if (overlaps) continue;
      out.push(finding('address', text, start, end, 0.6));
    }
  }

  /**
   * Items of a list beside an address found (荣田路、银田路、兰和路; 运动员村、教练村和记者村): an item
   * of two to seven characters that ends in the same kind word is one too, `possible` at most.
   */
  function listed(text: string, found: Finding[]): Finding[] {
    const added: Finding[] = [];
    // the characters already in a finding, marked once the first list is met (a scan per item of
    // every finding would be quadratic on a long line of lists)
    let cover: Uint8Array | undefined;
    const mark = (a: number, b: number) => {
      if (cover) for (let k = a; k < b; k++) cover[k] = 1;
    };
    const taken = (a: number, b: number): boolean => {
      if (!cover) {
        cover = new Uint8Array(text.length);
        for (const f of found) mark(f.start, f.end);
      }
      for (let k = a; k < b; k++) if (cover[k] === 1) return true;
      return false;
    };
    for (const f of found) {
      // most findings stand in no list: no joiner on either side, nothing to read
      if (!JOINER.has(codeAt(text, f.end)) && !JOINER.has(codeAt(text, f.start - 1))) continue;
      const kind = kindOf(f.value);
      if (kind === '') continue;
      // rightwards: 、item、item
      let at = f.end;
      while (at < text.length && JOINER.has(text.charCodeAt(at))) {
        // the item ends at the first kind word within reach (…和松溪路已经通车 → 松溪路)
        let e = at + 1;
        while (
          e < text.length &&
          e - at <= 7 &&
          isHanChar(text.charCodeAt(e)) &&
          text.charCodeAt(e) !== 0x3001
        ) {
          e++;
          if (e - at - 1 >= kind.length + 1 && text.startsWith(kind, e - kind.length)) break;
        }
        const item = text.slice(at + 1, e);
        if (!itemOk(item, kind) || taken(at + 1, e)) break;
        added.push(finding('address', text, at + 1, e, Math.min(f.score, 0.55)));
        mark(at + 1, e);
        at = e;
      }
      // leftwards: item、item、<found>
      at = f.start;
      while (at > 0 && JOINER.has(text.charCodeAt(at - 1))) {
        let b = at - 1;
        while (
          b > 0 &&
          at - 1 - b < 7 &&
          isHanChar(text.charCodeAt(b - 1)) &&
          !JOINER.has(text.charCodeAt(b - 1))
        )
          b--;
        const item = text.slice(b, at - 1);
        if (!itemOk(item, kind) || taken(b, at - 1)) break;
        added.push(finding('address', text, b, at - 1, Math.min(f.score, 0.55)));
        mark(b, at - 1);
        at = b;
      }
    }
    return added.length === 0 ? found : [...found, ...added].sort((x, y) => x.start - y.start);
  }
  const itemOk = (item: string, kind: string): boolean =>
    item.length >= 2 + (kind.length - 1) &&
    item.length <= 7 &&
    item.endsWith(kind) &&
    // in a list of streets, 枫林路 is one although jieba knows it as a word; 农村 is not a village
    !(item.length === 2 && isOrdinary(item)) &&
    ![...item].some((c) => stop.has(c) || STREET_STOP.has(c)) &&
    !notStreet.has(item);

  /** text[from, to) reads as the rest of an address: a few Han characters, digits and letters, no stop character */
  const restOfValue = (text: string, from: number, to: number): boolean => {
    if (to - from < 2 || to - from > 16) return false;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (PREFIX_CODE[c] !== 1 || (STOPS[c] ?? 0) !== 0) return false;
    }
    return true;
  };
  /**
   * `(?:value labels)[:：]` read from the colons passesOf marked, as matchAll would find it (no scan
   * of the whole text with the expression): the start of the longest label ending right before the
   * colon at `c` (the leftmost match), or -1
   */
  const valueLabelList = [...a['value-labels']].sort((x, y) => y.length - x.length);
  const valueLabelBefore = (text: string, c: number): number => {
    const w = text.charCodeAt(c);
    if (w !== 0x3a && w !== 0xff1a) return -1;
    for (const l of valueLabelList)
      if (c >= l.length && text.startsWith(l, c - l.length)) return c - l.length;
    return -1;
  };
  const hasValueLabel = (text: string): boolean => {
    for (let h = 0; h < hitCount; h++) if (valueLabelBefore(text, hits[h] as number) >= 0) return true;
    return false;
  };
  /**
   * The value of a label (地点：, 地址：) up to the end of its clause, brackets included, is one
   * address: a venue and the address in brackets after it (…会展中心（…路88号）), or a place the
   * other passes find no street or number in (…购物中心1F广场). Where a finding already opens the
   * value, it is kept and only takes in the brackets right after it (…518号（…步行街…广场）).
   */
  function labelledValues(text: string, found: Finding[]): Finding[] {
    if (text.indexOf('：') < 0 && text.indexOf(':') < 0) return found;
    // one pass over the labels and the findings, both in text order (a line full of labels stays linear)
    const out: Finding[] = [];
    let i = 0;
    let lastEnd = 0;
    let changed = false;
    for (let h = 0; h < hitCount; h++) {
      const colon = hits[h] as number;
      const labelAt = valueLabelBefore(text, colon);
      if (labelAt < 0 || labelAt < lastEnd) continue;
      let from = colon + 1;
      while (from < text.length && text.charCodeAt(from) <= 0x20) from++;
      if (!isHanChar(codeAt(text, from))) continue;
      const to = valueEnd(text, from);
      if (to - from < 4 || !hasPlaceChar(text, from, to)) continue;
      while (i < found.length && (found[i] as Finding).end <= from) out.push(found[i++] as Finding);
      let j = i;
      while (j < found.length && (found[j] as Finding).start < to) j++;
      const opening = i < j && (found[i] as Finding).start === from ? (found[i] as Finding) : undefined;
      let spanEnd = to;
      if (opening) {
        const open = codeAt(text, opening.end);
        const close = open === 0xff08 ? 0xff09 : open === 0x28 ? 0x29 : 0;
        // …or the rest of the value after the address is the building, office or shop in it
        // (地址：…36号南楼5层|白鹭基金会办公室), with no function word of a sentence in it
        if (!(close !== 0 && text.charCodeAt(to - 1) === close) && !restOfValue(text, opening.end, to))
          continue;
        spanEnd = to;
      }
      // a finding that reaches out of the value keeps its own span
      if (i < j && ((found[i] as Finding).start < from || (found[j - 1] as Finding).end > spanEnd)) continue;
      let score = 0.7;
      for (let k = i; k < j; k++) score = Math.max(score, (found[k] as Finding).score);
      out.push(finding('address', text, from, spanEnd, score, opening?.facts));
      i = j;
      lastEnd = spanEnd;
      changed = true;
    }
    if (!changed) return found;
    while (i < found.length) out.push(found[i++] as Finding);
    return out;
  }

  return {
    type: 'address',
    applies: (p) => p.street && p.han >= 3,
    detect(text) {
      const out: Finding[] = [];
      const passes = passesOf(text);
      if (passes === 0) return out;
      if ((passes & NUMBER_WORD) !== 0) {
        stations(text, out);
        numbered(text, out);
      }
      if ((passes & STREET_ONE) !== 0) streets(text, out);
      if (!NO_PLACES && (passes & (PLACE_ONE | PLACE_END)) !== 0) places(text, out);
      return out.length > 0 || ((passes & COLON) !== 0 && hasValueLabel(text))
        ? listed(text, labelledValues(text, assemble(text, out)))
        : out;
    },
  };
}
