import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { BeianError, issueOf, jsonReason, osReason } from '../errors.js';
import type { MessageKey, MessageParams } from '../i18n/index.js';
import { CsvSplitter } from '../util/csv.js';

/**
 * Streams a decision log (CSV, TSV or JSONL) and hands each row's mapped columns to a callback, as
 * strings, with the row's 1-based line. This is the reader of the fairness domain: the only code
 * here that touches the file system. Memory stays flat: one chunk at a time.
 */
export type LogFormat = 'csv' | 'tsv' | 'jsonl';

export function detectFormat(file: string): LogFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  if (ext === '.tsv') return 'tsv';
  return 'csv';
}

export interface LogCallbacks {
  row(values: readonly (string | undefined)[], line: number): void;
  /** a line that is not a record at all (bad JSON, an unclosed quote): why, as a catalogue message */
  malformed(line: number, key: MessageKey, params?: MessageParams): void;
  progress?(bytes: number, totalBytes: number | undefined): void;
}

const stringify = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Fails on a column mapping that names columns the file does not have. */
function checkColumns(
  file: string,
  wanted: readonly string[],
  available: readonly string[],
  line: number,
): void {
  const have = new Set(available);
  const missing = wanted.filter((c) => !have.has(c));
  if (missing.length > 0) {
    throw BeianError.of(
      'INPUT_INVALID',
      'audit.log.columnsMismatch',
      { file },
      {
        issues: missing.map((c) =>
          available.length
            ? issueOf({ file, line, path: c }, 'audit.log.noColumn', {
                column: c,
                available: available.join(', '),
              })
            : issueOf({ file, line, path: c }, 'audit.log.noColumnNone', { column: c }),
        ),
      },
    );
  }
}

export async function readLog(
  file: string,
  columns: readonly string[],
  cb: LogCallbacks,
  options: { format?: LogFormat; totalBytes?: number } = {},
): Promise<void> {
  const format = options.format ?? detectFormat(file);
  let indices: number[] | undefined;
  let checked = false;
  let failure: unknown;
  const onCsv = (fields: string[], line: number) => {
    if (!indices) {
      if (fields[0]?.charCodeAt(0) === 0xfeff) fields[0] = fields[0].slice(1);
      const header = fields.map((f) => f.trim());
      checkColumns(file, columns, header, line);
      indices = columns.map((c) => header.indexOf(c));
      return;
    }
    const values = new Array<string | undefined>(indices.length);
    for (let i = 0; i < indices.length; i++) values[i] = fields[indices[i]!];
    cb.row(values, line);
  };
  const onJson = (fields: string[], line: number) => {
    const text = fields[0]!.trim();
    if (text.length === 0) return;
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      cb.malformed(line, 'malformed.invalidJson', { reason: jsonReason(e) });
      return;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      cb.malformed(line, 'malformed.notObject');
      return;
    }
    const rec = obj as Record<string, unknown>;
    if (!checked) {
      checkColumns(file, columns, Object.keys(rec), line);
      checked = true;
    }
    cb.row(
      columns.map((c) => stringify(rec[c])),
      line,
    );
  };
  // JSONL lines never need quote handling: a delimiter that cannot occur keeps each line whole
  const splitter =
    format === 'jsonl'
      ? new LineSplitter(onJson)
      : new CsvSplitter(
          format === 'tsv' ? '\t' : ',',
          (f, l) => {
            if (failure === undefined) {
              try {
                onCsv(f, l);
              } catch (e) {
                failure = e;
              }
            }
          },
          (l, reason) => cb.malformed(l, 'malformed.invalidCsv', { reason }),
        );
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      splitter.push(decoder.write(chunk));
      if (failure !== undefined) throw failure;
      cb.progress?.(bytes, options.totalBytes);
    }
  } catch (e) {
    stream.destroy();
    if (e instanceof BeianError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw BeianError.of(
      err.code === 'ENOENT' ? 'NOT_FOUND' : 'INPUT_INVALID',
      'file.cannotRead',
      { file, reason: osReason(e) },
      {
        cause: e,
      },
    );
  }
  splitter.push(decoder.end());
  splitter.end();
  if (failure !== undefined) throw failure;
  if (format !== 'jsonl' && !indices)
    throw BeianError.of(
      'INPUT_INVALID',
      'audit.log.empty',
      { file },
      {
        issues: [issueOf({ file, line: 1 }, 'audit.log.noHeader')],
      },
    );
}

/** Splits text into lines, keeping line numbers. */
class LineSplitter {
  private pending = '';
  private line = 0;
  constructor(private readonly emit: (fields: string[], line: number) => void) {}
  push(chunk: string): void {
    const buf = this.pending + chunk;
    let pos = 0;
    for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n', pos)) {
      this.line += 1;
      this.emit([buf.slice(pos, nl)], this.line);
      pos = nl + 1;
    }
    this.pending = buf.slice(pos);
  }
  end(): void {
    if (this.pending.length > 0) {
      this.line += 1;
      this.emit([this.pending], this.line);
      this.pending = '';
    }
  }
}
