import type { PiiDictionaries } from '../dictionaries.js';
import { type Detector, type Finding, finding } from '../types.js';

const HAN = '\\u4e00-\\u9fff';
const alt = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length).join('|');

/**
 * Postal addresses: [province][city][district][town] street/place + door number [+ building/unit/
 * room]. A door number (…号, …室, …单元) is required: a region name alone identifies nobody. Known
 * province/city names (data/pii/regions.txt) and address labels (地址：) raise the score; the
 * prose before an address is cut at function words (住在, 寄到 …).
 */
export function createAddress(d: PiiDictionaries): Detector {
  const a = d.address;
  const region = `(?:${alt(d.regions)})`;
  const province = `(?:${region}(?:${alt(a['province-suffix'])})?|[${HAN}]{2,7}?(?:${alt(a['province-suffix'])}))`;
  const city = `(?:${region}(?:${alt(a['city-suffix'])})?|[${HAN}]{1,5}?(?:${alt(a['city-suffix'])}))`;
  const district = `[${HAN}]{1,6}?(?:${alt(a['district-suffix'])})`;
  const town = `[${HAN}]{1,8}?(?:${alt(a['town-suffix'])})`;
  const street = `[${HAN}A-Za-z0-9]{1,12}?(?:${alt(a['street-suffix'])})?`;
  const num = '[0-9０-９]{1,5}(?:-[0-9]{1,5})?号(?:院|楼)?';
  const detail = `(?:\\s?(?:[0-9A-Za-z一二三四五六七八九十]{1,4}(?:${alt(a['detail-suffix'])})|(?:套房|公寓|室)\\s?[0-9]{1,5}))`;
  const re = new RegExp(
    `(?:${province})?(?:${city})?(?:${district})?(?:${town})?${street}${num}${detail}{0,4}(?!线|机|位|选手|文件|令)`,
    'g',
  );
  const regionStart = new RegExp(`${region}`);
  const regionPrefix = new RegExp(`^(?:${province})?(?:${city})?`);
  const stop = new Set([...a.stop]);
  const streetSuffix = new RegExp(`(?:${alt(a['street-suffix'])})[0-9０-９]`);
  const adminSuffix = new RegExp(
    `[${HAN}](?:${alt([...a['province-suffix'], ...a['city-suffix'], ...a['district-suffix'], ...a['town-suffix']])})`,
  );

  return {
    type: 'address',
    detect(text) {
      const out: Finding[] = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        let start = m.index;
        const end = m.index + m[0].length;
        // cut prose: start after the last function word before the door number
        const numAt = m[0].search(/[0-9０-９]/);
        for (let i = numAt - 1; i >= 0; i--) {
          if (stop.has(m[0][i] ?? '')) {
            start = m.index + i + 1;
            break;
          }
        }
        let value = text.slice(start, end);
        // begin at the first known region name when there is one in the prefix
        const r = regionStart.exec(value);
        if (r && r.index > 0 && r.index < value.search(/[0-9０-９]/)) {
          start += r.index;
          value = text.slice(start, end);
        }
        const hasRegion = regionStart.test(value.slice(0, 6));
        const hasStreet = streetSuffix.test(value);
        const hasAdmin = adminSuffix.test(value.slice(0, Math.max(0, value.search(/[0-9０-９]/))));
        if (!hasRegion && !hasStreet && !hasAdmin) continue;
        const prefixLen = value.search(/[0-9０-９]/);
        if (prefixLen < 2) continue;
        const labelled = d.address.labels.some((l) => text.slice(Math.max(0, start - 8), start).includes(l));
        const hasDetail = /(?:单元|室|栋|幢|层|楼|套房|公寓)/.test(value.slice(prefixLen));
        const score =
          0.45 +
          (hasRegion ? 0.2 : 0) +
          (hasAdmin ? 0.1 : 0) +
          (hasStreet ? 0.15 : 0) +
          (hasDetail ? 0.1 : 0) +
          (labelled ? 0.2 : 0);
        const regionText = regionPrefix.exec(value)?.[0];
        out.push(
          finding('address', text, start, end, score, regionText ? { region: regionText } : undefined),
        );
      }
      return out;
    },
  };
}
