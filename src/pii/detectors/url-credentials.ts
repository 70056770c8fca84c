import { matches } from '../context.js';
import { type Detector, type Finding, finding } from '../types.js';

/** Cheap pre-check: most corpus lines cannot contain this type at all. */
const HINT = /:\/\//;

const CANDIDATE =
  /[A-Za-z][A-Za-z0-9+.-]{1,15}:\/\/[^\s/:@"'<>]+:[^\s/@"'<>]+@[^\s"'<>\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g;

/** URLs with a user name and password in them (https://user:secret@host/...). */
export const urlCredentials: Detector = {
  type: 'url-credentials',
  applies: (p) => p.at && p.colon,
  detect(text) {
    const out: Finding[] = [];
    if (!HINT.test(text)) return out;
    for (const m of matches(CANDIDATE, text)) {
      const v = m[0].replace(/[),.;，。；）]+$/, '');
      // already masked (https://***:***@host)
      if (/:\/\/\*+:\*+@/.test(v)) continue;
      out.push(finding('url-credentials', text, m.index, m.index + v.length, 0.97));
    }
    return out;
  },
};
