import { type ByteSource, LabelFormatError, type Piece, readExact } from '../source.js';
import type { Codec, FoundLabel } from './codec.js';

const F = 'pdf';
const TAIL = 64 * 1024;
const SCAN = 1 << 20;

/** Positions of `needle` in the file, searched backwards from `before`, at most `limit`. */
async function lastIndexes(
  src: ByteSource,
  needle: string,
  before: number,
  limit: number,
): Promise<number[]> {
  const out: number[] = [];
  const n = Buffer.from(needle, 'latin1');
  let end = before;
  while (end > 0 && out.length < limit) {
    const start = Math.max(0, end - SCAN);
    const buf = await src.read(start, end - start + n.length - 1);
    let i = buf.lastIndexOf(n, end - start - 1);
    while (i >= 0 && out.length < limit) {
      if (start + i + n.length <= before) out.push(start + i);
      i = i > 0 ? buf.lastIndexOf(n, i - 1) : -1;
    }
    end = start;
  }
  return out;
}

/** A tiny PDF dictionary reader: top-level keys and their raw value text, enough for /Info and trailers. */
export function dictEntries(text: string): Array<[string, string]> {
  let i = text.indexOf('<<');
  if (i < 0) throw new LabelFormatError(F, 'no dictionary');
  i += 2;
  const out: Array<[string, string]> = [];
  const ws = () => {
    while (i < text.length && /[\s]/.test(text[i] ?? '')) i++;
    if (text[i] === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      ws();
    }
  };
  const value = (): string => {
    const s = i;
    const c = text[i];
    if (c === '(') {
      let depth = 0;
      for (; i < text.length; i++) {
        const ch = text[i];
        if (ch === '\\') i++;
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) {
          i++;
          return text.slice(s, i);
        }
      }
      throw new LabelFormatError(F, 'unterminated string');
    }
    if (c === '<' && text[i + 1] === '<') {
      let depth = 0;
      for (; i < text.length; i++) {
        if (text[i] === '(') {
          value();
          i--;
        } else if (text.startsWith('<<', i)) {
          depth++;
          i++;
        } else if (text.startsWith('>>', i)) {
          i++;
          if (--depth === 0) {
            i++;
            return text.slice(s, i);
          }
        }
      }
      throw new LabelFormatError(F, 'unterminated dictionary');
    }
    if (c === '<' || c === '[') {
      const close = c === '<' ? '>' : ']';
      let depth = 0;
      for (; i < text.length; i++) {
        if (text[i] === '(') {
          value();
          i--;
        } else if (text[i] === c) depth++;
        else if (text[i] === close && --depth === 0) {
          i++;
          return text.slice(s, i);
        }
      }
      throw new LabelFormatError(F, 'unterminated array or hex string');
    }
    const ref = /^\d+\s+\d+\s+R/.exec(text.slice(i, i + 40));
    if (ref) {
      i += ref[0].length;
      return ref[0];
    }
    const m = /^[^\s/<>[\]()%]+|^\/[^\s/<>[\]()%]*/.exec(text.slice(i, i + 256));
    if (!m) throw new LabelFormatError(F, `unexpected character at ${i}`);
    i += m[0].length;
    return m[0];
  };
  for (let n = 0; n < 10_000; n++) {
    ws();
    if (text.startsWith('>>', i) || i >= text.length) return out;
    if (text[i] !== '/') throw new LabelFormatError(F, 'dictionary key is not a name');
    const k = /^\/[^\s/<>[\]()%]*/.exec(text.slice(i, i + 256))?.[0] ?? '/';
    i += k.length;
    ws();
    out.push([k.slice(1), value()]);
  }
  throw new LabelFormatError(F, 'dictionary too long');
}

/** Decodes a PDF string object: literal with escapes, or hex; UTF-16BE when it has a BOM. */
export function pdfString(raw: string): string {
  let bytes: number[] = [];
  if (raw.startsWith('(')) {
    const s = raw.slice(1, -1);
    for (let i = 0; i < s.length; i++) {
      const c = s[i] ?? '';
      if (c !== '\\') {
        bytes.push(c.charCodeAt(0) & 0xff);
        continue;
      }
      const n = s[++i] ?? '';
      const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (n in map) bytes.push(map[n] ?? 0);
      else if (/[0-7]/.test(n)) {
        const oct = /^[0-7]{1,3}/.exec(s.slice(i))?.[0] ?? '0';
        bytes.push(Number.parseInt(oct, 8) & 0xff);
        i += oct.length - 1;
      } else if (n === '\r' && s[i + 1] === '\n') i++;
      else if (n !== '\n' && n !== '\r') bytes.push(n.charCodeAt(0) & 0xff);
    }
  } else if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s/g, '');
    bytes = [];
    for (let i = 0; i < hex.length; i += 2)
      bytes.push(Number.parseInt(`${hex.slice(i, i + 2)}0`.slice(0, 2), 16) || 0);
  } else throw new LabelFormatError(F, 'AIGC is not a string');
  const b = Buffer.from(bytes);
  if (b[0] === 0xfe && b[1] === 0xff)
    return Buffer.from(b.subarray(2, 2 + ((b.length - 2) & ~1)))
      .swap16()
      .toString('utf16le');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
  return b.toString('latin1');
}

const pdfLiteral = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

interface Trailer {
  entries: Array<[string, string]>;
  startxref: number;
  eof: number; // offset of the last %%EOF
}

async function trailer(src: ByteSource): Promise<Trailer> {
  const head = await readExact(src, 0, Math.min(5, src.size), F);
  if (head.toString('latin1') !== '%PDF-') throw new LabelFormatError(F, 'no %PDF- header');
  const [eof] = await lastIndexes(src, '%%EOF', src.size, 1);
  if (eof === undefined) throw new LabelFormatError(F, 'no %%EOF');
  const tailStart = Math.max(0, eof - TAIL);
  const tail = (await src.read(tailStart, eof - tailStart)).toString('latin1');
  const sx = tail.lastIndexOf('startxref');
  if (sx < 0) throw new LabelFormatError(F, 'no startxref');
  const startxref = Number(/startxref\s+(\d+)/.exec(tail.slice(sx))?.[1] ?? Number.NaN);
  if (!Number.isFinite(startxref) || startxref >= src.size) throw new LabelFormatError(F, 'bad startxref');
  const at = (await src.read(startxref, 64 * 1024)).toString('latin1');
  if (at.startsWith('xref')) {
    const t = at.indexOf('trailer');
    if (t >= 0) return { entries: dictEntries(at.slice(t)), startxref, eof };
    // A long xref table: the trailer sits just before startxref.
    const t2 = tail.lastIndexOf('trailer', sx);
    if (t2 < 0) throw new LabelFormatError(F, 'no trailer');
    return { entries: dictEntries(tail.slice(t2)), startxref, eof };
  }
  if (/^\d+\s+\d+\s+obj/.test(at)) return { entries: dictEntries(at), startxref, eof }; // xref stream
  throw new LabelFormatError(F, 'startxref does not point at a cross-reference section');
}

const get = (entries: Array<[string, string]>, key: string) => entries.find(([k]) => k === key)?.[1];

/** Finds `n g obj` searching backwards (updates append, so the newest definition is the last one). */
async function objectText(src: ByteSource, ref: string, before: number): Promise<string | undefined> {
  const m = /^(\d+)\s+(\d+)\s+R$/.exec(ref.trim());
  if (!m) return undefined;
  const needle = `${m[1]} ${m[2]} obj`;
  for (const at of await lastIndexes(src, needle, before, 64)) {
    const prev = at > 0 ? (await src.read(at - 1, 1)).toString('latin1') : '\n';
    if (!/[\s>]/.test(prev) && at > 0) continue;
    const text = (await src.read(at, 256 * 1024)).toString('latin1');
    const end = text.indexOf('endobj');
    return text.slice(needle.length, end < 0 ? undefined : end);
  }
  return undefined;
}

async function info(src: ByteSource): Promise<{ t: Trailer; entries: Array<[string, string]> }> {
  const t = await trailer(src);
  if (get(t.entries, 'Encrypt')) throw new LabelFormatError(F, 'encrypted PDFs are not supported');
  const ref = get(t.entries, 'Info');
  if (!ref) return { t, entries: [] };
  const text = await objectText(src, ref, t.eof);
  if (text === undefined || !text.includes('<<')) return { t, entries: [] };
  return { t, entries: dictEntries(text) };
}

/** End of the previous revision (just after its %%EOF), or undefined for a single-revision file. */
async function previousRevisionEnd(src: ByteSource, eof: number): Promise<number | undefined> {
  const [prev] = await lastIndexes(src, '%%EOF', eof, 1);
  return prev === undefined ? undefined : prev + 5;
}

const MARK = '% beian label\n';

export const pdf: Codec = {
  id: 'pdf',
  kind: 'document',
  placement: 'pdf-info-aigc',
  sniff: (head) => head.toString('latin1', 0, 5) === '%PDF-',
  async read(src) {
    const { entries } = await info(src);
    return entries
      .filter(([k]) => k === 'AIGC')
      .map(([, v]): FoundLabel => ({ raw: pdfString(v), where: 'Info /AIGC' }));
  },
  /**
   * The content is every revision before the one that carries the label (labels go in an
   * incremental update); for an unlabelled file, everything up to its last %%EOF — which is what
   * that content will be once a label is appended.
   */
  async content(src) {
    const { t, entries } = await info(src);
    if (!entries.some(([k]) => k === 'AIGC')) return [{ start: 0, end: t.eof + 5 }];
    const end = await previousRevisionEnd(src, t.eof);
    return end === undefined ? undefined : [{ start: 0, end }];
  },
  async write(src, json) {
    let { t, entries } = await info(src);
    let base = src.size;
    // Relabelling replaces our own previous update instead of stacking a second one.
    if (entries.some(([k]) => k === 'AIGC')) {
      const prev = await previousRevisionEnd(src, t.eof);
      const marked =
        prev !== undefined && (await src.read(prev, 64)).toString('latin1').includes(MARK.trim());
      if (prev !== undefined && marked) {
        base = prev;
        const older = {
          size: prev,
          read: (o: number, l: number) => src.read(o, Math.max(0, Math.min(l, prev - o))),
        };
        ({ t, entries } = await info(older));
      }
    }
    const infoRef = get(t.entries, 'Info');
    const size = Number(get(t.entries, 'Size') ?? '0');
    const root = get(t.entries, 'Root');
    if (!root) throw new LabelFormatError(F, 'trailer has no /Root');
    const [num, gen] = infoRef ? (infoRef.match(/\d+/g) ?? []).map(Number) : [size, 0];
    if (num === undefined || gen === undefined) throw new LabelFormatError(F, 'bad /Info reference');
    const kept = entries.filter(([k]) => k !== 'AIGC').map(([k, v]) => `/${k} ${v}`);
    const dict = `<< ${[...kept, `/AIGC ${pdfLiteral(json)}`].join(' ')} >>`;
    const lead = `\n${MARK}`;
    const objAt = base + Buffer.byteLength(lead, 'latin1');
    const obj = `${num} ${gen} obj\n${dict}\nendobj\n`;
    const xrefAt = objAt + Buffer.byteLength(obj, 'latin1');
    const id = get(t.entries, 'ID');
    const trailerDict = [
      `/Size ${Math.max(size, num + 1)}`,
      `/Root ${root}`,
      `/Info ${num} ${gen} R`,
      `/Prev ${t.startxref}`,
      ...(id ? [`/ID ${id}`] : []),
    ].join(' ');
    const xref = `xref\n${num} 1\n${String(objAt).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \ntrailer\n<< ${trailerDict} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const pieces: Piece[] = [{ start: 0, end: base }, Buffer.from(lead + obj + xref, 'latin1')];
    return pieces;
  },
};
