import { hasNegativeContext, matches } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// not part of a longer dotted run (version numbers like 1.2.3.4.5, section numbers)
const V4 = new RegExp(`(?<![0-9A-Za-z.])${OCTET}(?:\\.${OCTET}){3}(?![0-9A-Za-z]|\\.\\d)`, 'g');
const V6_CANDIDATE = /(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])/g;

/** A syntactically valid IPv6 address (full or :: compressed; no embedded IPv4). */
export function isIpv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? all.length <= 7 : all.length === 8;
}

/** IPv4 and IPv6 addresses (PIPL treats them as personal information when tied to a person). */
export const ip: Detector = {
  type: 'ip',
  applies: (p) => (p.dot && p.digits >= 4) || p.colon,
  detect(text) {
    const out: Finding[] = [];
    if (/\d\.\d/.test(text))
      for (const m of matches(V4, text)) {
        if (hasNegativeContext(text, m.index, 8) || /[vV]$/.test(text.slice(0, m.index))) continue;
        out.push(finding('ip', text, m.index, m.index + m[0].length, 0.9));
      }
    if (/[0-9A-Fa-f]:[0-9A-Fa-f:]/.test(text))
      for (const m of matches(V6_CANDIDATE, text)) {
        const v = m[0];
        // needs at least two hex groups, or it is a time (12:30:45) or a lone ::
        if (!isIpv6(v) || v.replace(/:/g, '').length < 2 || (!v.includes('::') && v.split(':').length !== 8))
          continue;
        // MAC addresses (six two-digit groups) are not IPv6
        if (/^(?:[0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/.test(v)) continue;
        out.push(finding('ip', text, m.index, m.index + v.length, v.split(':').length >= 4 ? 0.9 : 0.6));
      }
    return out;
  },
};
