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
  message: string;
}

export class BeianError extends Error {
  readonly code: BeianErrorCode;
  readonly issues: readonly Issue[];

  constructor(code: BeianErrorCode, message: string, options: { cause?: unknown; issues?: Issue[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BeianError';
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

export const isBeianError = (e: unknown): e is BeianError => e instanceof BeianError;

/** Formats an issue as `file:line:column path: message`, omitting what is unknown. */
export function formatIssue(issue: Issue): string {
  const where = [
    issue.file,
    issue.line === undefined ? undefined : String(issue.line),
    issue.line === undefined || issue.column === undefined ? undefined : String(issue.column),
  ]
    .filter((p) => p !== undefined)
    .join(':');
  const head = [where, issue.path].filter((p) => p !== undefined && p !== '').join(' ');
  return head ? `${head}: ${issue.message}` : issue.message;
}
