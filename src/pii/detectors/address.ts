import type { PiiDictionaries } from '../dictionaries.js';
import { type Detector, type Finding, finding } from '../types.js';

const HAN = '\\u4e00-\\u9fff';
const alt = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).join('|');
/** A door number: the anchor every address needs (…27号, 88-1号). */
const ANCHOR = /[0-9０-９]{1,5}(?:-[0-9]{1,5})?号(?:院|楼)?/g;
const MAX_PREFIX = 32;
const isPrefixChar = (ch: string): boolean => /^[\u4e00-\u9fffA-Za-z]$/.test(ch);

/**
 * Postal addresses: [province][city][district][town] street/place + door number [+ building/unit/
 * room]. The door number anchors the match (a region name alone identifies nobody); the text
 * before it is read right to left up to a function word (住在, 寄到 …) or punctuation, so the scan
 * is linear. Known province/city names (data/pii/regions.txt), admin and street suffixes and an
 * address label (地址：) raise the score.
 */
export function createAddress(d: PiiDictionaries): Detector {
  const a = d.address;
  const region = `(?:${alt(d.regions)})`;
  const regionRe = new RegExp(region);
  const regionPrefix = new RegExp(
    `^(?:${region}(?:${alt(a['province-suffix'])})?|[${HAN}]{2,7}?(?:${alt(a['province-suffix'])}))?(?:${region}(?:${alt(a['city-suffix'])})?|[${HAN}]{1,5}?(?:${alt(a['city-suffix'])}))?`,
  );
  const detail = new RegExp(
    `(?:\\s?(?:[0-9A-Za-z一二三四五六七八九十]{1,4}(?:${alt(a['detail-suffix'])})|(?:套房|公寓|室)\\s?[0-9]{1,5}))*`,
    'y',
  );
  const stop = new Set([...a.stop]);
  const streetEnd = new RegExp(`(?:${alt(a['street-suffix'])})$`);
  const adminSuffix = new RegExp(
    `[${HAN}](?:${alt([...a['province-suffix'], ...a['city-suffix'], ...a['district-suffix'], ...a['town-suffix']])})`,
  );
  const notAfter = /^(?:线|机|位|选手|文件|令)/;

  return {
    type: 'address',
    detect(text) {
      const out: Finding[] = [];
      if (!text.includes('号')) return out;
      let lastEnd = 0;
      for (const m of text.matchAll(ANCHOR)) {
        const numStart = m.index;
        let numEnd = numStart + m[0].length;
        if (notAfter.test(text.slice(numEnd, numEnd + 2))) continue;
        let start = numStart;
        while (start > lastEnd && numStart - start < MAX_PREFIX) {
          const ch = text[start - 1] ?? '';
          if (!isPrefixChar(ch) || stop.has(ch)) break;
          start--;
        }
        let prefix = text.slice(start, numStart);
        if (prefix.length < 2) continue;
        const r = regionRe.exec(prefix);
        if (r && r.index > 0) {
          start += r.index;
          prefix = prefix.slice(r.index);
        }
        const hasRegion = r !== null;
        const hasStreet = streetEnd.test(prefix);
        const hasAdmin = adminSuffix.test(prefix);
        if (!hasRegion && !hasStreet && !hasAdmin) continue;
        detail.lastIndex = numEnd;
        const dm = detail.exec(text);
        if (dm) numEnd += dm[0].length;
        const labelled = a.labels.some((l) => text.slice(Math.max(0, start - 8), start).includes(l));
        const hasDetail = (dm?.[0].length ?? 0) > 0;
        const score =
          0.45 +
          (hasRegion ? 0.2 : 0) +
          (hasAdmin ? 0.1 : 0) +
          (hasStreet ? 0.15 : 0) +
          (hasDetail ? 0.1 : 0) +
          (labelled ? 0.2 : 0);
        const regionText = regionPrefix.exec(prefix)?.[0];
        out.push(
          finding('address', text, start, numEnd, score, regionText ? { region: regionText } : undefined),
        );
        lastEnd = numEnd;
      }
      return out;
    },
  };
}
