import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ServerDeps } from './deps.js';
import { authenticate, type Env, jsonApi, limitBody, mediaType, refuseCrossOrigin } from './security.js';

/** A minimal app with the real middlewares in the order the server uses them. */
function app(tokens: { editorToken?: string }) {
  const deps = { auth: tokens, loopbackOnly: false, secret: 's', lang: 'en' } as unknown as ServerDeps;
  const a = new Hono<Env>();
  a.use('*', authenticate(deps));
  a.use('*', refuseCrossOrigin(deps));
  a.use('*', limitBody(deps, 1024));
  a.use('/api/*', jsonApi(deps));
  a.post('/api/move', async (c) => c.json({ ok: true, got: await c.req.json() }));
  a.post('/form', async (c) => c.json({ fields: Object.keys(await c.req.parseBody()) }));
  return a;
}

const post = (path: string, init: { headers?: Record<string, string>; body?: string }) =>
  new Request(`http://127.0.0.1:8787${path}`, {
    method: 'POST',
    ...init,
    headers: { host: '127.0.0.1:8787', ...init.headers },
  });

describe('dashboard request guards (issue #21)', () => {
  it('media type is parsed, not searched: text/plain; charset=application/json is refused', async () => {
    expect(mediaType('text/plain; charset=application/json')).toBe('text/plain');
    const r = await app({}).request(
      post('/api/move', {
        headers: { 'content-type': 'text/plain; charset=application/json' },
        body: '{"to":"x"}',
      }),
    );
    expect(r.status).toBe(415);
    const ok = await app({}).request(
      post('/api/move', { headers: { 'content-type': 'application/json' }, body: '{}' }),
    );
    expect(ok.status).toBe(200);
  });

  it('a foreign or opaque Origin is refused on every state-changing route', async () => {
    for (const origin of ['https://evil.com', 'http://127.0.0.1:9999', 'null']) {
      for (const path of ['/api/move', '/form']) {
        const r = await app({}).request(
          post(path, { headers: { origin, 'content-type': 'application/json' }, body: '{}' }),
        );
        expect(r.status, `${origin} ${path}`).toBe(403);
      }
    }
    const same = await app({}).request(
      post('/api/move', {
        headers: { origin: 'http://127.0.0.1:8787', 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(same.status).toBe(200);
  });

  it('in token mode the JSON API takes the bearer header, never the cookie', async () => {
    const a = app({ editorToken: 'tok' });
    const cookie = await a.request(
      post('/api/move', {
        headers: { cookie: 'beian_token=tok', 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(cookie.status).toBe(401);
    const bearer = await a.request(
      post('/api/move', {
        headers: { authorization: 'Bearer tok', 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(bearer.status).toBe(200);
  });

  it('bodies are capped before buffering, with or without Content-Length', async () => {
    const big = 'x'.repeat(4096);
    const declared = await app({}).request(
      post('/form', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `a=${big}` }),
    );
    expect(declared.status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(ctl) {
        for (let i = 0; i < 64; i++) ctl.enqueue(new TextEncoder().encode(big));
        ctl.close();
      },
    });
    const chunked = await app({}).request(
      new Request('http://127.0.0.1:8787/form', {
        method: 'POST',
        body: stream,
        headers: { host: '127.0.0.1:8787', 'content-type': 'application/x-www-form-urlencoded' },
        duplex: 'half',
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
  });
});
