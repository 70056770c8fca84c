import type { MessageRef } from '../i18n/index.js';

/**
 * A quoted field may span lines, but an unclosed quote must not swallow the rest of the file: a
 * record still open after this many characters (or at the end of the input) is reported as
 * malformed from its first line, and reading resumes on the next line. A single line longer than
 * this is skipped and reported the same way, so memory stays bounded whatever the input.
 */
export const MAX_QUOTED_SPAN = 1 << 20;

/**
 * A streaming RFC 4180 splitter that knows the line each record starts on (for error messages),
 * with a fast path for lines without quotes. Quoted fields may contain delimiters, doubled quotes
 * and newlines. Pure: the caller feeds decoded text chunks.
 */
export class CsvSplitter {
  private pending = '';
  /** chunks without a newline since `pending`, joined only when a newline arrives */
  private parts: string[] = [];
  private partsLength = 0;
  /** inside a line longer than the bound: dropping text until its newline */
  private skipping = false;
  private line: number;

  constructor(
    private readonly delimiter: string,
    private readonly emit: (fields: string[], line: number) => void,
    /** `reason` is a catalogue reference (`malformed.csv.*`), translated where it is shown */
    private readonly malformed: (line: number, reason: MessageRef, raw: string) => void = () => {},
    private readonly maxSpan: number = MAX_QUOTED_SPAN,
    /** the line the text starts on: a later piece of a file cut at a record boundary */
    firstLine = 1,
  ) {
    this.line = firstLine - 1;
  }

  push(chunk: string): void {
    let text = chunk;
    if (this.skipping) {
      const nl = text.indexOf('\n');
      if (nl === -1) return;
      this.skipping = false;
      text = text.slice(nl + 1);
    }
    if (text.indexOf('\n') === -1) {
      // no record can end in this chunk: keep it aside instead of re-joining a growing string
      this.parts.push(text);
      this.partsLength += text.length;
      if (this.pending.length + this.partsLength > this.maxSpan) this.dropLongLine();
      return;
    }
    const buf = this.pending + this.parts.join('') + text;
    this.parts = [];
    this.partsLength = 0;
    this.pending = this.split(buf, false);
  }

  /** The pending text outgrew the bound without ending: report it and skip to the next newline. */
  private dropLongLine(): void {
    const start = this.line + 1;
    for (let i = this.pending.indexOf('\n'); i !== -1; i = this.pending.indexOf('\n', i + 1)) this.line += 1;
    this.line += 1;
    this.pending = '';
    this.parts = [];
    this.partsLength = 0;
    this.skipping = true;
    this.malformed(start, { key: 'malformed.csv.lineTooLong', params: { max: this.maxSpan } }, '');
  }

  /** Flushes a last record without a trailing newline. */
  end(): void {
    if (this.skipping) {
      this.skipping = false;
      this.pending = '';
      this.parts = [];
      return;
    }
    this.pending += this.parts.join('');
    this.parts = [];
    this.partsLength = 0;
    const rest = this.split(this.pending, true);
    this.pending = '';
    if (rest.length > 0) {
      this.line += 1;
      this.record(rest, this.line);
    }
  }

  /** Emits every complete record of `buf`; returns what is left for the next chunk. */
  private split(buf: string, final: boolean): string {
    let pos = 0;
    for (;;) {
      let nl = buf.indexOf('\n', pos);
      if (nl === -1) break;
      let end = nl;
      const start = pos;
      const startLine = this.line + 1;
      let lines = 1;
      let text = buf.slice(start, end);
      if (text.includes('"')) {
        // a quoted field may span lines: extend until the quotes balance
        let quotes = countQuotes(text);
        let complete = true;
        while (quotes % 2 === 1) {
          let next = buf.indexOf('\n', end + 1);
          // at the end of the input the last line needs no newline of its own
          if (next === -1 && final && end < buf.length) next = buf.length;
          if (next === -1 || next - start > this.maxSpan) {
            complete = false;
            break;
          }
          quotes += countQuotes(buf.slice(end + 1, next));
          end = next;
          lines += 1;
        }
        if (!complete) {
          // wait for more input unless the record can never close within the bound
          if (!final && buf.length - start <= this.maxSpan) break;
          this.line += 1;
          pos = nl + 1;
          this.malformed(startLine, { key: 'malformed.csv.unclosedQuote' }, buf.slice(start, nl));
          continue;
        }
        text = buf.slice(start, end);
        nl = end;
      }
      this.line += lines;
      pos = nl + 1;
      this.record(text, startLine);
    }
    return buf.slice(pos);
  }

  private record(raw: string, line: number): void {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.length === 0) return;
    this.emit(text.includes('"') ? parseQuoted(text, this.delimiter) : text.split(this.delimiter), line);
  }
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n += 1;
  return n;
}

/** Splits one record that contains quotes. */
export function parseQuoted(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else field += ch;
    i += 1;
  }
  fields.push(field);
  return fields;
}
