import type { MiddlewareHandler } from 'hono';
import type { Guard } from '../../guard/guard.js';
import { type ApiKind, requestModel, textAnswer, wantsStream } from '../../guard/openai.js';

export interface GuardVariables {
  /** the request body after the input check (masked where the policy masks) */
  guardBody: unknown;
}

/**
 * The guard as Hono middleware, for an app that serves (or forwards) chat completions itself:
 * the input check runs before the handler (which reads `c.get('guardBody')`), and the handler's
 * answer, JSON or SSE, is checked on the way out with the same hold-back as the proxy.
 */
export function guardMiddleware(
  guard: Guard,
  o: { kind?: ApiKind; userHeader?: string } = {},
): MiddlewareHandler<{ Variables: GuardVariables }> {
  const kind = o.kind ?? 'chat';
  const userHeader = o.userHeader ?? 'x-beian-user';
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: { message: 'invalid JSON', type: 'invalid_json', code: 'invalid_json' } }, 400);
    }
    const user = c.req.header(userHeader) || undefined;
    const verdict = guard.checkInput(body, user);
    if (verdict.kind === 'suspended')
      return c.json(
        { error: { message: verdict.reply, type: 'user_suspended', code: 'user_suspended' } },
        403,
      );
    if (verdict.kind === 'block') {
      const answer = textAnswer(
        kind,
        requestModel(body),
        verdict.reply,
        'content_filter',
        Math.floor(Date.now() / 1000),
      );
      return c.json(answer);
    }
    c.set('guardBody', verdict.body);
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    if (type.includes('application/json')) {
      const answer: unknown = await c.res.clone().json();
      if (guard.checkAnswer(answer, kind, user).changed)
        c.res = new Response(JSON.stringify(answer), { status: c.res.status, headers });
      return;
    }
    if ((type.includes('text/event-stream') || wantsStream(body)) && c.res.body) {
      const filter = guard.stream(kind, user);
      const decoder = new TextDecoder();
      const encoder = new TextEncoder();
      let stopped = false;
      const filtered = c.res.body.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, ctl) {
            if (stopped) return;
            const step = filter.push(decoder.decode(chunk, { stream: true }));
            if (step.out) ctl.enqueue(encoder.encode(step.out));
            if (step.blocked) {
              stopped = true;
              ctl.terminate();
            }
          },
          flush(ctl) {
            if (stopped) return;
            const step = filter.end();
            if (step.out) ctl.enqueue(encoder.encode(step.out));
          },
        }),
      );
      c.res = new Response(filtered, { status: c.res.status, headers });
    }
  };
}
