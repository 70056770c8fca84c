import { parseRetryAfter } from './retry-after.js';

export { parseRetryAfter } from './retry-after.js';

/** A chat message as sent to a target. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface TargetRequest {
  messages: ChatMessage[];
  signal?: AbortSignal;
}

export interface TargetReply {
  text: string;
  /** HTTP status or process exit code, for the record */
  status?: number;
}

/** What a failure was, so the policy knows whether to retry and how long to wait. */
export type TargetErrorKind =
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'client'
  | 'too-large'
  /** connection refused, host not found: nothing listens there (yet) */
  | 'unreachable';

export class TargetError extends Error {
  readonly kind: TargetErrorKind;
  readonly status: number | undefined;
  /** from Retry-After (seconds or HTTP date) */
  readonly retryAfterMs: number | undefined;
  /** the system error code behind a network failure (ECONNREFUSED, ENOTFOUND …) */
  readonly code: string | undefined;

  constructor(
    kind: TargetErrorKind,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown; code?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TargetError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.code = options.code;
  }

  get retryable(): boolean {
    return this.kind !== 'client' && this.kind !== 'too-large';
  }
}

/**
 * One model endpoint. `send` makes exactly one attempt; retries, rate limits and back-off live in
 * the policy layer (policy.ts) so every target gets the same behaviour. `identity` is what the
 * response cache is keyed on: never a secret.
 */
export interface Target {
  readonly id: string;
  readonly identity: { type: string; model: string; params: Record<string, unknown> };
  send(request: TargetRequest): Promise<TargetReply>;
  close?(): Promise<void>;
}

/** One HTTP request as the HTTP targets make it. */
export interface HttpRequestInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/**
 * Sends one request and returns the body of a 2xx reply, failing with a TargetError exactly as
 * `exchange` does over fetch (see node-transport.ts for the keep-alive one the CLI uses).
 */
export type HttpTransport = (
  url: string,
  init: HttpRequestInit,
  maxBytes: number,
) => Promise<{ status: number; body: string }>;

/** What targets need from the outside world, passed in explicitly. */
export interface TargetDeps {
  fetch: typeof fetch;
  env: NodeJS.ProcessEnv;
  /** when given, HTTP targets send through it instead of `fetch` */
  transport?: HttpTransport;
}

/** Reads a response body up to a byte limit, so a runaway answer cannot exhaust memory. */
export async function readBody(res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return '';
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) {
    await res.body.cancel().catch(() => {});
    throw new TargetError('too-large', `response body exceeds ${maxBytes} bytes`, { status: res.status });
  }
  // a declared, acceptable length: let undici read it in one go (a short body still fails as truncated)
  if (Number.isFinite(declared) && declared > 0) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TargetError('too-large', `response body exceeds ${maxBytes} bytes`, { status: res.status });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Maps an HTTP status (and its Retry-After header) to a failure, or undefined for 2xx. */
export function statusFailure(
  status: number,
  retryAfter: string | null,
  body: string,
): TargetError | undefined {
  if (status >= 200 && status < 300) return undefined;
  const snippet = body.slice(0, 200);
  if (status === 429)
    return new TargetError('rate-limit', `HTTP 429: ${snippet}`, {
      status: 429,
      retryAfterMs: parseRetryAfter(retryAfter),
    });
  if (status >= 500 || status === 408)
    return new TargetError('server', `HTTP ${status}: ${snippet}`, {
      status,
      retryAfterMs: parseRetryAfter(retryAfter),
    });
  return new TargetError('client', `HTTP ${status}: ${snippet}`, { status });
}

/** Maps a fetch Response's status to a failure (or undefined for 2xx). */
export function httpFailure(res: Response, body: string): TargetError | undefined {
  return statusFailure(res.status, res.headers.get('retry-after'), body);
}

/** Error codes that mean nothing answers at that address. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EBADPORT',
]);

/** The system error code of a failure, looking through `cause` and AggregateError's `errors`. */
export function errorCode(e: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof e !== 'object' || e === null) return undefined;
  const o = e as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof o.code === 'string' && /^E[A-Z_]+$/.test(o.code)) return o.code;
  if (Array.isArray(o.errors))
    for (const x of o.errors) {
      const c = errorCode(x, depth + 1);
      if (c) return c;
    }
  return errorCode(o.cause, depth + 1);
}

/** Turns fetch's own failures (abort, DNS, reset, refused) into typed errors. */
export function networkFailure(e: unknown): TargetError {
  if (e instanceof TargetError) return e;
  const err = e as Error;
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError')
    return new TargetError('timeout', 'request timed out', { cause: e });
  const cause = (err?.cause as Error | undefined)?.message;
  // fetch refuses ports it blocks (a permanent misconfiguration, like a refused connection)
  const code = errorCode(e) ?? (cause === 'bad port' ? 'EBADPORT' : undefined);
  return new TargetError(
    code && UNREACHABLE.has(code) ? 'unreachable' : 'network',
    `network error: ${err?.message ?? String(e)}${cause ? ` (${cause})` : ''}${code && !cause?.includes(code) ? ` [${code}]` : ''}`,
    { cause: e, ...(code ? { code } : {}) },
  );
}

/**
 * One HTTP exchange as every HTTP target does it: send, read the body up to the byte limit, map
 * transport failures and non-2xx statuses to typed errors. Returns the body of a 2xx reply.
 */
export async function exchange(
  deps: Pick<TargetDeps, 'fetch' | 'transport'>,
  url: string,
  init: HttpRequestInit,
  maxBytes: number,
): Promise<{ status: number; body: string }> {
  if (deps.transport) return deps.transport(url, init, maxBytes);
  const fetchFn = deps.fetch;
  let res: Response;
  let body: string;
  try {
    res = await fetchFn(url, init);
    body = await readBody(res, maxBytes);
  } catch (e) {
    throw networkFailure(e);
  }
  const failure = httpFailure(res, body);
  if (failure) throw failure;
  return { status: res.status, body };
}
