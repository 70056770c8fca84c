import iconv from 'iconv-lite';
import type { CorpusEncoding } from './types.js';

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

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

/** True when the sample looks binary: NUL bytes are never in UTF-8/GBK text. */
export function looksBinary(sample: Uint8Array): boolean {
  const n = Math.min(sample.length, 8192);
  for (let i = 0; i < n; i++) if (sample[i] === 0) return true;
  return false;
}

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
 * Detects the encoding of a file from its first bytes: a UTF-8 BOM, else strictly valid UTF-8,
 * else GB18030 (a superset of GBK and GB2312, so GBK files decode correctly).
 */
export function detectEncoding(sample: Uint8Array): CorpusEncoding {
  if (hasUtf8Bom(sample)) return 'utf8';
  try {
    utf8Fatal.decode(sample.subarray(0, utf8CompletePrefix(sample)));
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/** Decodes one line's bytes; `lossy` when invalid sequences were replaced with U+FFFD. */
export function decodeBytes(bytes: Uint8Array, encoding: CorpusEncoding): { text: string; lossy: boolean } {
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
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  return { text, lossy: text.includes('\uFFFD') };
}
