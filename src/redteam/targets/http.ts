import { BeianError } from '../../errors.js';
import type { HttpTargetConfig } from './config.js';
import { targetId } from './config.js';
import {
  type ChatMessage,
  exchange,
  type Target,
  type TargetDeps,
  TargetError,
  type TargetRequest,
} from './types.js';

/** Reads `a.b[0].c` (a leading `$.` is allowed) out of a JSON value. */
export function jsonPath(value: unknown, path: string): unknown {
  const parts = path.replace(/^\$\.?/, '').match(/[^.[\]]+|\[\d+\]/g) ?? [];
  let cur: unknown = value;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const key = p.startsWith('[') ? Number(p.slice(1, -1)) : p;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** Fills {{prompt}} inside strings and replaces a string equal to "{{messages}}" by the messages. */
export function fillTemplate(template: unknown, prompt: string, messages: ChatMessage[]): unknown {
  if (typeof template === 'string') {
    if (template === '{{messages}}') return messages;
    return template.split('{{prompt}}').join(prompt);
  }
  if (Array.isArray(template)) return template.map((t) => fillTemplate(t, prompt, messages));
  if (template && typeof template === 'object')
    return Object.fromEntries(
      Object.entries(template).map(([k, v]) => [k, fillTemplate(v, prompt, messages)]),
    );
  return template;
}

/** A custom HTTP endpoint: a request template and a JSON path to the answer. */
export function createHttpTarget(c: HttpTargetConfig, deps: TargetDeps): Target {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(c.headers)) {
    headers[name] = value.replace(/\{\{env\.([A-Za-z_][A-Za-z0-9_]*)\}\}/g, (_, env: string) => {
      const v = deps.env[env];
      if (v === undefined)
        throw BeianError.of('CONFIG_INVALID', 'redteam.target.headerEnvUnset', { env, header: name });
      return v;
    });
  }
  return {
    id: targetId(c),
    // headers are left out on purpose: they may carry secrets
    identity: {
      type: 'http',
      model: c.model,
      params: { url: c.url, body: c.body ?? null, path: c.responsePath, ...c.params },
    },
    async send(req: TargetRequest) {
      const prompt = req.messages.at(-1)?.content ?? '';
      const { status, body } = await exchange(
        deps,
        c.url,
        {
          method: c.method,
          headers,
          ...(c.method === 'GET'
            ? {}
            : {
                body: JSON.stringify(fillTemplate(c.body ?? { prompt: '{{prompt}}' }, prompt, req.messages)),
              }),
          ...(req.signal ? { signal: req.signal } : {}),
        },
        c.maxResponseBytes,
      );
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new TargetError('bad-response', `malformed JSON (${body.length} bytes)`);
      }
      const answer = jsonPath(json, c.responsePath);
      if (typeof answer !== 'string') throw new TargetError('bad-response', `no string at ${c.responsePath}`);
      return { text: answer, status };
    },
  };
}
