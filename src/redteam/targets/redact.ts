import type { TargetConfig } from './config.js';

export const REDACTED = '[REDACTED]';

/**
 * The secret values a target config pulls from the environment: the API key (`apiKeyEnv`) and
 * every `{{env.NAME}}` of an HTTP target's headers. Short values are ignored (replacing "1" in
 * every answer would destroy the record and protect nothing).
 */
export function secretsOf(configs: readonly (TargetConfig | undefined)[], env: NodeJS.ProcessEnv): string[] {
  const names = new Set<string>();
  for (const c of configs) {
    if (!c) continue;
    if (c.type === 'openai' && c.apiKeyEnv) names.add(c.apiKeyEnv);
    if (c.type === 'http')
      for (const v of Object.values(c.headers))
        for (const m of v.matchAll(/\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) names.add(m[1] as string);
  }
  const out = new Set<string>();
  for (const n of names) {
    const v = env[n];
    if (v && v.length >= 6) out.add(v);
  }
  // longest first, so a key that contains another is replaced whole
  return [...out].sort((a, b) => b.length - a.length);
}

/** Header-shaped echoes of credentials: `Authorization: Bearer …`, `"api-key": "…"`, `x-api-key=…`. */
const CREDENTIAL_PATTERNS: readonly RegExp[] = [
  /((?:proxy-)?authori[sz]ation["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',;}]+/gi,
  /((?:x-)?api[-_]?key["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi,
  /((?:access|secret)[-_]?token["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi,
  /(\bbearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /()\bsk-[A-Za-z0-9_-]{16,}/g,
];

/**
 * Removes secrets from text before it is stored or rendered: the known values first (wherever
 * they appear, also URL-encoded), then anything shaped like a credential header. Pure.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) {
    out = out.split(s).join(REDACTED);
    const enc = encodeURIComponent(s);
    if (enc !== s) out = out.split(enc).join(REDACTED);
  }
  for (const p of CREDENTIAL_PATTERNS) out = out.replace(p, (_m, head: string) => `${head}${REDACTED}`);
  return out;
}

/** A redactor bound to the secrets of a run (null passes through). */
export function redactor(secrets: readonly string[]): <T extends string | null>(text: T) => T {
  return <T extends string | null>(text: T): T => (text === null ? text : (redact(text, secrets) as T));
}
