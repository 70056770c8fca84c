import { parseDocument } from 'yaml';
import { type ByteSource, LabelFormatError, type Piece } from '../source.js';
import { type Codec, ext, type FoundLabel } from './codec.js';

const F = 'markdown';
const HEAD = 256 * 1024;

interface FrontMatter {
  /** front-matter lines between the fences */
  lines: string[];
  eol: string;
  /** first byte of the body (after the closing fence line); 0 when there is no front matter */
  bodyAt: number;
}

async function frontMatter(src: ByteSource): Promise<FrontMatter> {
  const head = (await src.read(0, HEAD)).toString('utf8');
  const open = /^(?:\uFEFF)?---(\r?\n)/.exec(head);
  if (!open) return { lines: [], eol: '\n', bodyAt: 0 };
  const eol = open[1] ?? '\n';
  const rest = head.slice(open[0].length);
  const close = /(^|\r?\n)(---|\.\.\.)[ \t]*(\r?\n|$)/.exec(rest);
  if (!close) throw new LabelFormatError(F, 'front matter has no closing --- within 256 KB');
  const inner = rest.slice(0, close.index);
  const bodyAt = Buffer.byteLength(open[0] + rest.slice(0, close.index + close[0].length), 'utf8');
  return { lines: inner === '' ? [] : inner.split(/\r?\n/), eol, bodyAt };
}

/** Top-level `AIGC:` entries, including a block value's indented continuation lines. */
function withoutAigc(lines: string[]): string[] {
  const out: string[] = [];
  let skipping = false;
  for (const l of lines) {
    if (/^AIGC\s*:/.test(l)) {
      skipping = true;
      continue;
    }
    if (skipping && /^[ \t]/.test(l)) continue;
    skipping = false;
    out.push(l);
  }
  return out;
}

const yamlSingle = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const markdown: Codec = {
  id: 'markdown',
  kind: 'text',
  placement: 'markdown-front-matter',
  sniff: (_head, name) => ['md', 'markdown'].includes(ext(name)),
  async read(src) {
    const fm = await frontMatter(src);
    if (fm.lines.length === 0) return [];
    const doc = parseDocument(fm.lines.join('\n'), { uniqueKeys: false });
    const found: FoundLabel[] = [];
    const map = doc.contents;
    if (map && 'items' in map && Array.isArray(map.items))
      for (const item of map.items as Array<{ key: unknown; value: unknown }>) {
        const key =
          item.key && typeof item.key === 'object' && 'value' in item.key ? item.key.value : item.key;
        if (key !== 'AIGC') continue;
        const v =
          item.value && typeof item.value === 'object' && 'toJSON' in item.value
            ? (item.value as { toJSON(): unknown }).toJSON()
            : item.value;
        found.push({ raw: typeof v === 'string' ? v : JSON.stringify(v), where: 'front matter AIGC' });
      }
    return found;
  },
  async content(src) {
    return [{ start: (await frontMatter(src)).bodyAt, end: src.size }];
  },
  async write(src, json) {
    const fm = await frontMatter(src);
    const lines = [...withoutAigc(fm.lines), `AIGC: ${yamlSingle(json)}`];
    const head = Buffer.from(`---${fm.eol}${lines.join(fm.eol)}${fm.eol}---${fm.eol}`, 'utf8');
    const pieces: Piece[] = [head, { start: fm.bodyAt, end: src.size }];
    return pieces;
  },
};
