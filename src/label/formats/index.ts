import type { Codec, FormatId } from './codec.js';
import { flac } from './flac.js';
import { gif } from './gif.js';
import { jpeg } from './jpeg.js';
import { markdown } from './markdown.js';
import { mp3 } from './mp3.js';
import { mp4 } from './mp4.js';
import { ogg } from './ogg.js';
import { ooxml } from './ooxml.js';
import { pdf } from './pdf.js';
import { png } from './png.js';
import { tiff } from './tiff.js';
import { wav } from './wav.js';
import { webp } from './webp.js';

export type { Codec, FormatId, FoundLabel, MediaKind } from './codec.js';
export { ext } from './codec.js';

/** Embedded placements, by format id. Plain text and JSON use the sidecar (see sidecar.ts). */
export const codecs = {
  png,
  jpeg,
  webp,
  gif,
  tiff,
  wav,
  mp3,
  flac,
  ogg,
  mp4,
  pdf,
  ooxml,
  markdown,
} satisfies Partial<Record<FormatId, Codec>>;

/** Extensions labelled through a sidecar file `<name>.aigc.json`. */
export const SIDECAR_EXTS = new Set([
  'txt',
  'json',
  'jsonl',
  'csv',
  'tsv',
  'xml',
  'html',
  'htm',
  'srt',
  'vtt',
  'yaml',
  'yml',
]);
export const SIDECAR_SUFFIX = '.aigc.json';

/** Picks the codec from the first bytes (magic numbers first, then the name for text formats). */
export function sniff(head: Buffer, name: string): Codec | undefined {
  const order: Codec[] = [png, jpeg, webp, gif, tiff, wav, flac, ogg, pdf, ooxml, mp4, mp3, markdown];
  if (head.length < 4 && !markdown.sniff(head, name)) return undefined;
  return order.find((c) =>
    c.sniff(head.length >= 16 ? head : Buffer.concat([head, Buffer.alloc(16 - head.length)]), name),
  );
}
