import { matches } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

/** Cheap pre-check: most corpus lines cannot contain this type at all. */
const HINT = /@/;

// The top-level domain is letters only, so it ends where digits begin: abc@163.com110101… is an
// e-mail glued to a number (the number is the ID/card/mobile detectors' to find), not no e-mail.
const CANDIDATE =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z-])/g;

export const email: Detector = {
  type: 'email',
  applies: (p) => p.at,
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      // the user part of a URL with credentials (ftp://user:pw@host) is reported by url-credentials
      if (/:\/\/[^\s@]*$/.test(text.slice(Math.max(0, m.index - 64), m.index))) continue;
      out.push(finding('email', text, m.index, m.index + m[0].length, 0.97));
    }
    return out;
  },
};
