import { matches } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

/** Cheap pre-check: most corpus lines cannot contain this type at all. */
// (the first hex digit of both forms taken out of the alternation: the engine then looks for one
// character before it tries either, a third faster on news text)
const HINT = /[0-9A-Fa-f](?:[0-9A-Fa-f][:-][0-9A-Fa-f]{2}[:-]|[0-9A-Fa-f]{3}\.[0-9A-Fa-f]{4}\.)/;

const CANDIDATE =
  /(?<![0-9A-Fa-f:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![0-9A-Fa-f:.-])/g;

/** MAC addresses: 00:1A:2B:3C:4D:5E, 00-1A-…, 001a.2b3c.4d5e. */
export const mac: Detector = {
  type: 'mac',
  applies: (p) => (p.colon || p.hyphen || p.dot) && p.alnumRun >= 2,
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      const hex = m[0].replace(/[^0-9A-Fa-f]/g, '');
      // all-zero and broadcast addresses identify nobody; a run of decimal digits is likely a date
      if (/^0+$/.test(hex) || /^[fF]+$/.test(hex)) continue;
      const letters = /[A-Fa-f]/.test(hex);
      out.push(finding('mac', text, m.index, m.index + m[0].length, letters ? 0.95 : 0.7));
    }
    return out;
  },
};
