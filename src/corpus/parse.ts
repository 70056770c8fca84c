import { isUtf8 } from 'node:buffer';
import { jsonReason } from '../errors.js';
import { decodeBytes, decodeLines } from './encoding.js';
import { getPath, textOf } from './fields.js';
import { malformedItem } from './malformed.js';
import type { CorpusBlock, CorpusItem, CorpusReadOptions } from './types.js';

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encodingName = (e: string): string => (e === 'auto' ? 'utf8' : e);

export type ItemVisitor = (item: CorpusItem) => void;

/**
 * Turns one block into records and malformed entries, in line order, calling `visit` for each.
 * Pure and synchronous (no I/O), so a worker thread can run it on a block transferred to it.
 * Blank lines are not records. A line with invalid bytes yields a malformed entry AND its record
 * decoded with U+FFFD replacements (`lossy`), so harmful text next to a bad byte is still audited.
 */
export function parseBlock(block: CorpusBlock, options: CorpusReadOptions, visit: ItemVisitor): void {
  if (block.kind === 'items') {
    for (const item of block.items) visit(item);
    return;
  }
  const { file } = block;
  const field = options.field ?? 'text';
  const sourceField = options.sourceField ?? 'source';
  const handle = (line: number, raw: string, lossy: boolean): void => {
    if (lossy)
      visit(malformedItem(file, line, 'malformed.invalidBytes', { encoding: encodingName(block.encoding) }));
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (block.format === 'txt') {
      if (block.wholeFile ? text.length === 0 : text.trim().length === 0) return;
      // A NUL is a broken line, not the end of the file: report it, audit the text all the same.
      const nul = text.includes('\u0000');
      if (nul) visit(malformedItem(file, line, 'malformed.nulAudited'));
      visit(
        lossy || nul
          ? { kind: 'record', file, line, text, lossy: true }
          : { kind: 'record', file, line, text },
      );
      return;
    }
    if (text.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      visit(malformedItem(file, line, 'malformed.invalidJson', { reason: jsonReason(e) }));
      return;
    }
    const fieldValue = getPath(value, field);
    if (fieldValue === undefined || fieldValue === null) {
      visit(malformedItem(file, line, 'malformed.missingField', { field }));
      return;
    }
    const body = textOf(fieldValue);
    if (body === undefined) {
      visit(malformedItem(file, line, 'malformed.fieldNotText', { field }));
      return;
    }
    const source = textOf(getPath(value, sourceField));
    const rec: CorpusItem = { kind: 'record', file, line, text: body };
    if (source !== undefined) rec.source = source;
    if (lossy) rec.lossy = true;
    visit(rec);
  };
  if (block.wholeFile) {
    const { text, lossy } = decodeBytes(block.bytes, block.encoding);
    handle(1, text, lossy);
    return;
  }
  // Fast path: the whole block is valid in one go (the common case); else line by line.
  let whole: string | undefined;
  if (block.encoding === 'utf8' || block.encoding === 'auto') {
    if (isUtf8(block.bytes)) whole = utf8Fatal.decode(block.bytes);
  } else {
    const d = decodeBytes(block.bytes, block.encoding);
    if (!d.lossy) whole = d.text;
  }
  let line = block.firstLine;
  if (whole !== undefined) {
    let start = 0;
    while (start < whole.length) {
      let end = whole.indexOf('\n', start);
      if (end < 0) end = whole.length;
      handle(line++, whole.slice(start, end), false);
      start = end + 1;
    }
    return;
  }
  const bytes = block.bytes;
  const body = bytes.length > 0 && bytes[bytes.length - 1] === 0x0a ? bytes.subarray(0, -1) : bytes;
  if (body.length === 0 && bytes.length > 0) {
    handle(line, '', false);
    return;
  }
  decodeLines(body, block.encoding, (text, lossy) => handle(line++, text, lossy));
}

/** Convenience: the items of one block as an array. */
export function blockItems(block: CorpusBlock, options: CorpusReadOptions): CorpusItem[] {
  const out: CorpusItem[] = [];
  parseBlock(block, options, (i) => out.push(i));
  return out;
}
