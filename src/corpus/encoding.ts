import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { BlockEncoding, CorpusEncoding } from './types.js';

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const gbFatal = new TextDecoder('gb18030', { fatal: true, ignoreBOM: true });

export const ENCODINGS: readonly CorpusEncoding[] = ['utf8', 'gbk', 'gb18030'];

/** Parses a user-given encoding name (`utf-8`, `UTF8`, `gbk`, `gb2312`, `gb18030`). */
export function parseEncoding(name: string): CorpusEncoding | undefined {
  const n = name.toLowerCase().replace(/[-_]/g, '');
  if (n === 'utf8' || n === 'utf8bom') return 'utf8';
  if (n === 'gbk' || n === 'gb2312' || n === 'cp936') return 'gbk';
  if (n === 'gb18030') return 'gb18030';
  return undefined;
}

export const hasUtf8Bom = (b: Uint8Array): boolean =>
  b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** How many of a file's first bytes looksBinary judges. */
export const BINARY_SAMPLE_BYTES = 8192;

/**
 * True when the sample is not text at all (an image, an archive, UTF-16): many bytes that no
 * UTF-8 or GB18030 text contains. A few NUL or control bytes are broken lines of a text file, and
 * are reported per line by the parser, never a reason to drop the file.
 */
export function looksBinary(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, BINARY_SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = sample[i] as number;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  return controls * 20 > n && controls * 4 >= Math.min(n, 32);
}

const hasNonAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
};

/** UTF-16 byte-order marks: such files are text we do not decode (convert them to UTF-8). */
export const hasUtf16Bom = (b: Uint8Array): boolean =>
  b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));

/** Length of the longest prefix of `b` that does not end inside a UTF-8 multi-byte sequence. */
function utf8CompletePrefix(b: Uint8Array): number {
  let i = b.length - 1;
  let back = 0;
  while (i >= 0 && back < 4 && ((b[i] ?? 0) & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return b.length;
  const lead = b[i] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > back + 1 ? i : b.length;
}

/**
 * The encoding of a file from its first bytes, for tools that need one for the whole file: a UTF-8
 * BOM or valid UTF-8 is UTF-8; otherwise GB18030 only when more of the sample's lines read as
 * GB18030 than as (broken) UTF-8. Corpus reading itself decides line by line (decodeLines).
 */
export function detectEncoding(sample: Uint8Array): CorpusEncoding {
  if (hasUtf8Bom(sample)) return 'utf8';
  const whole = sample.subarray(0, utf8CompletePrefix(sample));
  if (isUtf8(whole)) return 'utf8';
  let gb = 0;
  let utf8 = 0;
  decodeLines(whole, 'auto', (text, lossy) => {
    if (lossy) utf8++;
    else if (hasNonAscii(text)) gb++;
  });
  // valid UTF-8 lines with non-ASCII text count for UTF-8 as well
  let start = 0;
  while (start < whole.length) {
    let end = whole.indexOf(0x0a, start);
    if (end < 0) end = whole.length;
    const line = whole.subarray(start, end);
    if (isUtf8(line) && line.some((b) => b >= 0x80)) utf8++;
    start = end + 1;
  }
  return gb > utf8 ? 'gb18030' : 'utf8';
}

/**
 * The encoding of one line when none is forced: valid UTF-8 is UTF-8; otherwise GB18030 only when
 * the line is valid GB18030 AND reads as mostly broken UTF-8 (a GBK line decoded as UTF-8 is nearly
 * all U+FFFD, a UTF-8 line with a stray byte has one or two). So one bad byte never turns a UTF-8
 * line, let alone a file, into GB18030 mojibake.
 */
function decodeAutoLine(bytes: Uint8Array): { text: string; lossy: boolean } {
  if (isUtf8(bytes)) return { text: utf8Fatal.decode(bytes), lossy: false };
  const lossy = utf8Lossy.decode(bytes);
  let bad = 0;
  let wide = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) bad++;
    if (c >= 0x80) wide++;
  }
  if (bad >= 2 && bad * 4 >= wide) {
    try {
      return { text: gbFatal.decode(bytes), lossy: false };
    } catch {
      // neither encoding: keep the UTF-8 reading, with its replacements
    }
  }
  return { text: lossy, lossy: true };
}

/**
 * Decodes bytes; `lossy` when invalid sequences were replaced with U+FFFD. With `auto` the decision
 * is taken line by line (decodeLines gives the lines themselves; this joins them back).
 */
export function decodeBytes(bytes: Uint8Array, encoding: BlockEncoding): { text: string; lossy: boolean } {
  if (encoding === 'auto') {
    if (isUtf8(bytes)) return { text: utf8Fatal.decode(bytes), lossy: false };
    const parts: string[] = [];
    let lossy = false;
    decodeLines(bytes, 'auto', (text, bad) => {
      parts.push(text);
      lossy ||= bad;
    });
    return { text: parts.join('\n'), lossy };
  }
  return decodeFixed(bytes, encoding);
}

/** Decodes each line of `bytes` (split on \n, which no supported encoding uses inside a character). */
export function decodeLines(
  bytes: Uint8Array,
  encoding: BlockEncoding,
  visit: (text: string, lossy: boolean) => void,
): void {
  // Buffer's indexOf is memchr; a plain Uint8Array's (what a worker receives) is ~7x slower
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 0;
  for (;;) {
    let end = buf.indexOf(0x0a, start);
    const last = end < 0;
    if (last) end = bytes.length;
    const line = bytes.subarray(start, end);
    const d = encoding === 'auto' ? decodeAutoLine(line) : decodeFixed(line, encoding);
    visit(d.text, d.lossy);
    if (last) return;
    start = end + 1;
  }
}

function decodeFixed(bytes: Uint8Array, encoding: CorpusEncoding): { text: string; lossy: boolean } {
  if (encoding === 'utf8') {
    try {
      return { text: utf8Fatal.decode(bytes), lossy: false };
    } catch {
      return { text: utf8Lossy.decode(bytes), lossy: true };
    }
  }
  // iconv-lite has no fatal mode: invalid bytes become U+FFFD. Pure ASCII needs no table lookups.
  let ascii = true;
  for (let i = 0; i < bytes.length; i++)
    if ((bytes[i] ?? 0) >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii) return { text: utf8Lossy.decode(bytes), lossy: false };
  // iconv-lite is loaded only for a forced GBK encoding (every scan thread would pay its import).
  const iconv = createRequire(import.meta.url)('iconv-lite') as {
    decode(b: Buffer, encoding: string): string;
  };
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return { text, lossy: text.includes('\uFFFD') };
}
