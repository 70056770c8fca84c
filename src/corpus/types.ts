/**
 * Shared corpus types. A corpus is read as a stream of items: either a record (text to audit) or a
 * malformed entry (something that could not be read, located by file and line). Nothing is dropped
 * silently: every line of input becomes a record, a malformed entry, or is a blank line.
 */

import type { MessageKey, MessageParams } from '../i18n/index.js';

export type CorpusFormat = 'jsonl' | 'txt' | 'csv';
/** Encodings we decode. `utf8` accepts and strips a BOM; `gb18030` is a superset of GBK. */
export type CorpusEncoding = 'utf8' | 'gbk' | 'gb18030';
/** How a block is decoded: a forced encoding, or `auto`: decided line by line (see decodeBytes). */
export type BlockEncoding = CorpusEncoding | 'auto';

export interface CorpusRecord {
  file: string;
  /** 1-based line where the record starts (for `txt --whole-file`, 1). */
  line: number;
  text: string;
  /** The record's source (JSONL `--source-field`, CSV source column), when it has one. */
  source?: string;
  /** True when invalid bytes were replaced by U+FFFD; a malformed entry was reported as well. */
  lossy?: boolean;
}

export interface MalformedEntry {
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file (empty, binary, unreadable). */
  line: number;
  /** English text, for `--json` readers and library callers; shells show `key` translated */
  reason: string;
  /** catalogue key (`malformed.*`) and params: plain data, so entries cross worker threads */
  key?: MessageKey;
  params?: MessageParams;
}

export type CorpusItem = ({ kind: 'record' } & CorpusRecord) | ({ kind: 'malformed' } & MalformedEntry);

export interface CorpusReadOptions {
  /** Forced format; otherwise from the extension (.jsonl/.ndjson/.json, .csv/.tsv, anything else txt). */
  format?: CorpusFormat;
  /** JSONL: dotted path of the text field (default `text`, e.g. `data.content`). CSV: column name. */
  field?: string;
  /** JSONL dotted path / CSV column holding the record's source (default `source`; absent is fine). */
  sourceField?: string;
  /** Forced encoding; otherwise decided per line (UTF-8, or GB18030 when the line really is). */
  encoding?: CorpusEncoding;
  /** txt: `line` (default) makes each line a record, `file` makes each file one record. */
  txtRecord?: 'line' | 'file';
  /**
   * A record larger than this (bytes) is reported as malformed instead of read, so one 100 MB line
   * cannot exhaust memory; the reader discards its bytes as they stream. Default 16 MiB.
   */
  maxRecordBytes?: number;
  /** Approximate size of the line-aligned blocks handed to parseBlock / workers. Default 1 MiB. */
  blockBytes?: number;
}

/**
 * A line-aligned piece of one file, ready for `parseBlock` (pure, so it can run in a worker).
 * `bytes` holds whole lines only; `firstLine` is the 1-based number of its first line.
 * CSV is parsed while streaming (quoted fields span lines), so CSV blocks carry records instead.
 */
export type CorpusBlock =
  | {
      kind: 'lines';
      file: string;
      format: 'jsonl' | 'txt';
      encoding: BlockEncoding;
      firstLine: number;
      bytes: Uint8Array;
      /** txt read per file: the whole block is one record. */
      wholeFile?: boolean;
      /** `bytes.buffer` belongs to this block alone (the bytes past its view are unused): transferable */
      owned?: boolean;
    }
  | { kind: 'items'; file: string; items: CorpusItem[] /** raw bytes these items cover */; size: number };

export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;
export const DEFAULT_BLOCK_BYTES = 1024 * 1024;

/**
 * A piece of a file for scale-out shards: bytes [start, end), where start is 0 or just after a
 * newline, and the 1-based number of the line at start (records keep their file:line).
 */
export interface FileRange {
  start: number;
  end: number;
  firstLine: number;
}
