import { matches } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const L = 'A-HJ-NP-Z';
// province + issuing-office letter, optional separator, then the serial: new-energy plates have six
// characters (D/F + 5, or 5 digits + D/F), ordinary ones five, possibly ending in 挂/学/警/港/澳.
const CANDIDATE = new RegExp(
  `[${PROVINCES}][${L}][·• ]?(?:[DF][${L}0-9]\\d{4}|\\d{5}[DF]|[${L}0-9]{4}[${L}0-9挂学警港澳])(?![0-9A-Za-z])`,
  'g',
);

/** Vehicle licence plates (GA 36), including the green six-character new-energy plates. */
export const plate: Detector = {
  type: 'cn-plate',
  applies: (p) => p.upper && p.digits >= 3,
  detect(text) {
    const out: Finding[] = [];
    for (const m of matches(CANDIDATE, text)) {
      const serial = m[0].slice(2).replace(/^[·• ]/, '');
      const digits = serial.replace(/\D/g, '').length;
      const newEnergy = serial.length === 6;
      // real ordinary serials carry at most two letters; words like 京A ABCD are not plates
      if (!newEnergy && digits < 3) continue;
      out.push(
        finding('cn-plate', text, m.index, m.index + m[0].length, newEnergy || digits >= 4 ? 0.9 : 0.75),
      );
    }
    return out;
  },
};
