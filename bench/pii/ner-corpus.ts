/**
 * The labelled NER corpora in /work/shared/data/ner (research-only licences: read at run time,
 * never copied into the product), as sentences with gold spans, and the fixed tune/held-out split.
 */
import { readFileSync } from 'node:fs';

export type GoldKind = 'person' | 'address' | 'address-street' | 'place' | 'organisation';
export interface Gold {
  kind: GoldKind;
  start: number;
  /** exclusive */
  end: number;
}
export interface NerSentence {
  corpus: 'cluener' | 'weibo';
  text: string;
  gold: Gold[];
}

const DATA = process.env.BEIAN_NER_DIR ?? '/work/shared/data/ner';

/** A street-level address: names a street, a door number, a building or a village (not only a region). */
export const STREET_LEVEL =
  /路|街|巷|弄|胡同|大道|[0-9０-９一二三四五六七八九十]+号|小区|村|室|单元|栋|幢|大厦|公寓|花园|广场/;

/** FNV-1a of the text: the split depends on the sentence only, never on file order or a seed. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** One sentence in five is held out: tuning and training read only the other four. */
export const isHeldOut = (text: string): boolean => fnv1a(text) % 5 === 0;

export function loadCluener(): NerSentence[] {
  const out: NerSentence[] = [];
  for (const line of readFileSync(`${DATA}/cluener-train/train.json`, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text: string; label: Record<string, Record<string, number[][]>> };
    const gold: Gold[] = [];
    for (const [type, ents] of Object.entries(r.label ?? {}))
      for (const [value, spans] of Object.entries(ents))
        for (const [s, e] of spans) {
          if (s === undefined || e === undefined) continue;
          const span = { start: s, end: e + 1 };
          if (type === 'name') gold.push({ kind: 'person', ...span });
          else if (type === 'address') {
            gold.push({ kind: 'address', ...span });
            if (STREET_LEVEL.test(value)) gold.push({ kind: 'address-street', ...span });
          } else if (type === 'organization' || type === 'company' || type === 'government')
            gold.push({ kind: 'organisation', ...span });
        }
    out.push({ corpus: 'cluener', text: r.text, gold });
  }
  return out;
}

/** Weibo NER (CoNLL, one character a line with a word-position digit, BIO tags; blank line between messages). */
export function loadWeibo(): NerSentence[] {
  const out: NerSentence[] = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (chars.length === 0) return;
    const text = chars.join('');
    const gold: Gold[] = [];
    let open: { kind: GoldKind; start: number } | undefined;
    const close = (at: number) => {
      if (open) gold.push({ ...open, end: at });
      open = undefined;
    };
    tags.forEach((t, i) => {
      const m = /^([BI])-(\w+)\.(NAM|NOM)$/.exec(t);
      const kind: GoldKind | undefined =
        m?.[3] === 'NAM'
          ? m[2] === 'PER'
            ? 'person'
            : m[2] === 'LOC' || m[2] === 'GPE'
              ? 'place'
              : m[2] === 'ORG'
                ? 'organisation'
                : undefined
          : undefined;
      if (!m || !kind) {
        close(i);
        return;
      }
      if (m[1] === 'B' || open?.kind !== kind) {
        close(i);
        open = { kind, start: i };
      }
    });
    close(tags.length);
    out.push({ corpus: 'weibo', text, gold });
    chars = [];
    tags = [];
  };
  for (const line of readFileSync(`${DATA}/weibo-ner-train/weiboNER_2nd_conll.train`, 'utf8').split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const [tok, tag] = line.split(/\t|\s+/);
    if (tok === undefined) continue;
    chars.push(tok.length > 1 ? tok.slice(0, -1) : tok);
    tags.push(tag ?? 'O');
  }
  flush();
  return out;
}
