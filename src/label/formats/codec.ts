import type { ByteSource, Piece } from '../source.js';

export type FormatId =
  | 'png'
  | 'jpeg'
  | 'webp'
  | 'gif'
  | 'tiff'
  | 'wav'
  | 'mp3'
  | 'flac'
  | 'ogg'
  | 'mp4'
  | 'pdf'
  | 'ooxml'
  | 'markdown'
  | 'sidecar';

export type MediaKind = 'image' | 'audio' | 'video' | 'document' | 'text';

/** One label found in a file: its raw JSON text and where it sat (shown by `inspect`). */
export interface FoundLabel {
  readonly raw: string;
  readonly where: string;
}

/**
 * One container format. `read` finds every label (several = an error the caller reports),
 * `content` yields the bytes the ReservedCode1 digest covers (undefined when the format cannot
 * separate content from label), `write` plans the relabelled file: every old label removed, one
 * added. All three take random access so large files cost a few reads.
 */
export interface Codec {
  readonly id: FormatId;
  readonly kind: MediaKind;
  /** placement id in data/kb/labelling.yaml */
  readonly placement: string;
  sniff(head: Buffer, name: string): boolean;
  read(src: ByteSource): Promise<FoundLabel[]>;
  content(src: ByteSource): Promise<Iterable<Piece> | AsyncIterable<Piece> | undefined>;
  write(src: ByteSource, json: string): Promise<Iterable<Piece> | AsyncIterable<Piece>>;
}

export const ext = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

/** Bounded loop guard: a reader stops after this many boxes/chunks rather than hang. */
export const MAX_ITEMS = 1_000_000;
/** Largest metadata structure read into memory (moov, ID3 tag, Vorbis comments, XMP). */
export const MAX_META = 64 * 1024 * 1024;
