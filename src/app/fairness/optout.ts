import { readFileSync } from 'node:fs';
import pLimit from 'p-limit';
import { BeianError, type Issue, issueOf, jsonReason, osReason } from '../../errors.js';
import { type OptoutSummary, summariseOptout } from '../../fairness/optout.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';

/**
 * `beian audit optout`: calls a recommendation endpoint once per profile with personalisation off
 * and compares the lists. The request is built from a template (like an HTTP red-team target):
 * `"{{profile}}"` as a whole JSON string becomes the profile object, `{{profile.field}}` inside a
 * string its value, `{{env.NAME}}` an environment variable (for tokens: never printed or stored).
 */
export interface RequestTemplate {
  method: string;
  headers: Record<string, string>;
  body?: unknown;
}

export const DEFAULT_TEMPLATE: RequestTemplate = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: { profile: '{{profile}}', personalized: false },
};

export interface OptoutInput {
  endpoint: string;
  profilesFile: string;
  template?: RequestTemplate;
  itemsPath: string;
  idField: string;
  topK?: number;
  bound: number;
  rboP: number;
  concurrency: number;
  timeoutMs: number;
  retries: number;
  env: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  onProgress?: (done: number, total: number) => void;
}

export interface OptoutReport extends OptoutSummary {
  /** the endpoint without user info or query string: safe to print and store */
  endpoint: string;
  /** the first results per profile line, for the evidence */
  samples: { line: number; items: string[] }[];
  worstLines: { a: number; b: number; jaccard: number; rbo: number }[];
}

/** The URL without credentials or query (tokens often travel there). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid url)';
  }
}

function lookup(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Fills a template value with a profile. Pure. */
export function fill(value: unknown, profile: Record<string, unknown>, env: NodeJS.ProcessEnv): unknown {
  if (typeof value === 'string') {
    if (value === '{{profile}}') return profile;
    return value.replace(/\{\{\s*(profile|env)\.([\w.-]+)\s*\}\}/g, (_, scope: string, key: string) => {
      const v = scope === 'env' ? env[key] : lookup(profile, key);
      return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, profile, env));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, profile, env)]));
  return value;
}

export function readProfiles(file: string): { line: number; profile: Record<string, unknown> }[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw BeianError.of('NOT_FOUND', 'file.cannotRead', { file, reason: osReason(cause) }, { cause });
  }
  const out: { line: number; profile: Record<string, unknown> }[] = [];
  const issues: Issue[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.trim();
    if (!t) return;
    try {
      const v = JSON.parse(t) as unknown;
      if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        issues.push(issueOf({ file, line: i + 1 }, 'audit.optout.notObject'));
        return;
      }
      out.push({ line: i + 1, profile: v as Record<string, unknown> });
    } catch (e) {
      issues.push(issueOf({ file, line: i + 1 }, 'audit.optout.badLine', { reason: jsonReason(e) }));
    }
  });
  if (issues.length > 0)
    throw BeianError.of('INPUT_INVALID', 'audit.optout.notProfiles', { file }, { issues });
  if (out.length < 2)
    throw BeianError.of(
      'INPUT_INVALID',
      'audit.optout.tooFew',
      { file },
      {
        issues: [issueOf({ file }, 'audit.optout.profileCount', { n: out.length })],
      },
    );
  return out;
}

export function parseTemplate(text: string, file: string): RequestTemplate {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw BeianError.of('INPUT_INVALID', 'file.notJson', { file, reason: jsonReason(e) });
  }
  const t = v as Partial<RequestTemplate>;
  if (typeof t !== 'object' || t === null || (t.method !== undefined && typeof t.method !== 'string'))
    throw BeianError.of('INPUT_INVALID', 'audit.optout.badTemplate', { file });
  return {
    method: t.method ?? 'POST',
    headers: t.headers ?? { 'content-type': 'application/json' },
    body: t.body,
  };
}

function itemsOf(json: unknown, input: OptoutInput): string[] | undefined {
  const list = lookup(json, input.itemsPath);
  if (!Array.isArray(list)) return undefined;
  const ids = list.map((x) =>
    x !== null && typeof x === 'object'
      ? String((x as Record<string, unknown>)[input.idField] ?? '')
      : String(x),
  );
  return input.topK ? ids.slice(0, input.topK) : ids;
}

export async function runOptout(input: OptoutInput): Promise<OptoutReport> {
  const profiles = readProfiles(input.profilesFile);
  const template = input.template ?? DEFAULT_TEMPLATE;
  const doFetch = input.fetch ?? fetch;
  const limit = pLimit(input.concurrency);
  const failures: Issue[] = [];
  let done = 0;
  const call = async (line: number, profile: Record<string, unknown>): Promise<string[]> => {
    const headers = fill(template.headers, profile, input.env) as Record<string, string>;
    const body =
      template.body === undefined ? undefined : JSON.stringify(fill(template.body, profile, input.env));
    let last: { key: MessageKey; params?: MessageParams } = { key: 'audit.optout.noAttempt' };
    for (let attempt = 0; attempt <= input.retries; attempt++) {
      try {
        const res = await doFetch(input.endpoint, {
          method: template.method,
          headers,
          body: template.method === 'GET' ? undefined : body,
          signal: AbortSignal.timeout(input.timeoutMs),
        });
        if (res.status >= 500 || res.status === 429) {
          last = { key: 'audit.optout.http', params: { status: res.status } };
          continue;
        }
        if (!res.ok) {
          last = { key: 'audit.optout.http', params: { status: res.status } };
          break;
        }
        const items = itemsOf(await res.json(), input);
        if (items === undefined) {
          last = { key: 'audit.optout.noList', params: { path: input.itemsPath } };
          break;
        }
        return items;
      } catch (e) {
        last = { key: 'audit.optout.callError', params: { reason: osReason((e as Error).cause ?? e) } };
      }
    }
    failures.push(issueOf({ file: input.profilesFile, line }, last.key, last.params));
    return [];
  };
  const lists = await Promise.all(
    profiles.map(({ line, profile }) =>
      limit(async () => {
        const r = await call(line, profile);
        done += 1;
        input.onProgress?.(done, profiles.length);
        return r;
      }),
    ),
  );
  if (failures.length > 0)
    throw BeianError.of(
      'TARGET_FAILED',
      'audit.optout.failed',
      { endpoint: redactUrl(input.endpoint), n: failures.length },
      {
        issues: failures.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, 20),
      },
    );
  const summary = summariseOptout(lists, { p: input.rboP, bound: input.bound });
  return {
    ...summary,
    endpoint: redactUrl(input.endpoint),
    samples: profiles.slice(0, 20).map((p, i) => ({ line: p.line, items: lists[i]!.slice(0, 20) })),
    worstLines: summary.worst.map((w) => ({
      a: profiles[w.a]!.line,
      b: profiles[w.b]!.line,
      jaccard: w.jaccard,
      rbo: w.rbo,
    })),
  };
}

/** Reads and parses a request-template file (`audit optout --request-template`). */
export async function readTemplate(file: string): Promise<RequestTemplate> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw BeianError.of('NOT_FOUND', 'file.cannotRead', { file, reason: osReason(cause) }, { cause });
  }
  return parseTemplate(text, file);
}
