import {
  type MessageKey,
  type MessageParams,
  type MessageRef,
  type Translate,
  translator,
} from './i18n/index.js';
/**
 * Typed errors with stable codes. The CLI maps codes to exit codes and the server to HTTP
 * statuses, each in exactly one place (cli/exit-codes.ts, server error handler).
 */

export type BeianErrorCode =
  | 'USAGE' // bad flags or arguments
  | 'INPUT_INVALID' // a user-supplied file or value does not validate
  | 'CONFIG_INVALID' // beian.yaml does not validate
  | 'NOT_FOUND' // an id, file or record that does not exist
  | 'CONFLICT' // e.g. an invalid state transition
  | 'UNAUTHORIZED'
  | 'ENVIRONMENT' // something the machine lacks: a browser, a database server, a writable folder
  | 'TARGET_FAILED' // a remote endpoint failed beyond retries
  | 'INTEGRITY' // tampering or corruption detected
  | 'INTERNAL';

/** One problem located in a user's input: file, line and/or field path. */
export interface Issue {
  file?: string;
  line?: number;
  /** 1-based column, with `line` */
  column?: number;
  path?: string;
  /** English text; with `key`, the exit point shows the catalogue text in the user's language */
  message: string;
  key?: MessageKey;
  params?: MessageParams;
}

export interface BeianErrorOptions {
  cause?: unknown;
  issues?: Issue[];
  /** catalogue key of the message: the CLI and server translate it at their exit point */
  key?: MessageKey;
  params?: MessageParams;
}

const english = translator('en');

/**
 * Marks every BeianError, whichever copy of this module made it: `beian scan` runs from a bundle
 * (scripts/bundle-scan.mjs) while the modules only some scans need are loaded from dist/ with
 * their own copy of this file, and `instanceof BeianError` must hold for both.
 */
const BRAND = Symbol.for('beian.BeianError');

export class BeianError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && BRAND in value;
  }

  readonly code: BeianErrorCode;
  readonly issues: readonly Issue[];
  /** set when the message comes from the catalogues; `message` then holds the English text */
  readonly key: MessageKey | undefined;
  readonly params: MessageParams | undefined;

  constructor(code: BeianErrorCode, message: string, options: BeianErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BeianError';
    Object.defineProperty(this, BRAND, { value: true });
    this.code = code;
    this.issues = options.issues ?? [];
    this.key = options.key;
    this.params = options.params;
  }

  /** The preferred form: a catalogue key and its params, translated once where the error leaves. */
  static of(
    code: BeianErrorCode,
    key: MessageKey,
    params?: MessageParams,
    options: Omit<BeianErrorOptions, 'key' | 'params'> = {},
  ): BeianError {
    return new BeianError(code, english(key, params), { ...options, key, ...(params ? { params } : {}) });
  }
}

/**
 * A catalogue message carried as data: its key and params (plain strings, numbers and nested
 * references, so it survives structured cloning to and from worker threads) and its English text,
 * kept for `--json` readers and library callers. Shells show it with `localMessage`.
 */
export interface CarriedMessage {
  message: string;
  key: MessageKey;
  params?: MessageParams;
}

export function messageOf(key: MessageKey, params?: MessageParams): CarriedMessage {
  return { message: english(key, params), key, ...(params ? { params } : {}) };
}

/** A message in the user's language when it has a catalogue key (errors, issues, malformed rows), else its literal text. */
export function localMessage(
  m: { message: string; key?: MessageKey | undefined; params?: MessageParams | undefined },
  t: Translate,
): string {
  return m.key ? t(m.key, { message: m.message, ...m.params }) : m.message;
}

/** An issue whose text is in the catalogues; `message` keeps the English text for `--json` readers. */
export function issueOf(
  where: Omit<Issue, 'message' | 'key' | 'params'>,
  key: MessageKey,
  params?: MessageParams,
): Issue {
  return { ...where, ...messageOf(key, params) };
}

const OS_CODES = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'EISDIR',
  'ENOTDIR',
  'EEXIST',
  'ENOSPC',
  'EROFS',
  'EMFILE',
  'EADDRINUSE',
  'EADDRNOTAVAIL',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
]);

/**
 * Why a system call failed, as a catalogue reference: Node's own text is English, so Chinese mode
 * names the cause from the error code and English mode keeps Node's wording (`{message}`).
 */
export function osReason(cause: unknown): MessageRef {
  const message = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
  const code = (cause as { code?: unknown } | null)?.code;
  const key =
    typeof code === 'string' && OS_CODES.has(code)
      ? `os.${code}`
      : ['TimeoutError', 'AbortError'].includes((cause as Error | null)?.name ?? '')
        ? 'os.ETIMEDOUT'
        : (cause as Error | null)?.name === 'YAMLParseError'
          ? 'yaml.syntax.other'
          : 'os.other';
  return { key: key as MessageKey, params: { message } };
}

/** Why JSON.parse refused a text: Chinese mode names the line and column, English keeps V8's text. */
export function jsonReason(cause: unknown): MessageRef {
  const message = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0] ?? '';
  const at = /line (\d+) column (\d+)/.exec(message);
  if (at) return { key: 'json.syntaxAt', params: { message, line: Number(at[1]), column: Number(at[2]) } };
  const pos = /at position (\d+)/.exec(message);
  if (pos) return { key: 'json.syntaxAtChar', params: { message, n: Number(pos[1]) + 1 } };
  const token = /^Unexpected token '(.+?)'/.exec(message);
  if (token) return { key: 'json.unexpectedToken', params: { message, token: token[1] ?? '' } };
  if (/end of JSON input/.test(message)) return { key: 'json.unexpectedEnd', params: { message } };
  return { key: 'json.syntax', params: { message } };
}

export const isBeianError = (e: unknown): e is BeianError => e instanceof BeianError;

/** Formats an issue as `file:line:column path: message`, omitting what is unknown (translated when `t` is given). */
export function formatIssue(issue: Issue, t?: Translate): string {
  const where = [
    issue.file,
    issue.line === undefined ? undefined : String(issue.line),
    issue.line === undefined || issue.column === undefined ? undefined : String(issue.column),
  ]
    .filter((p) => p !== undefined)
    .join(':');
  const head = [where, issue.path].filter((p) => p !== undefined && p !== '').join(' ');
  const message = t ? localMessage(issue, t) : issue.message;
  return head ? `${head}: ${message}` : message;
}
