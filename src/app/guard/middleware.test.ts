import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../../guard/guard.js';
import { compileLexicon } from '../../lexicon/index.js';
import { loadReplies } from './config.js';
import { type GuardVariables, guardMiddleware } from './middleware.js';

const guard = createGuard({
  matcher: compileLexicon([{ keyword: '紫色暗号', category: 'A.1.8', severity: 3 }]),
  policy: { default: 'block', risks: {}, maskChar: '*' },
  replies: loadReplies(),
  lang: 'en',
});

const app = new Hono<{ Variables: GuardVariables }>()
  .use('/chat', guardMiddleware(guard))
  .post('/chat', (c) => {
    const body = c.get('guardBody') as { stream?: boolean; messages: Array<{ content: string }> };
    const said = body.messages[0]?.content ?? '';
    if (!body.stream)
      return c.json({
        choices: [
          { index: 0, message: { role: 'assistant', content: `echo ${said}` }, finish_reason: 'stop' },
        ],
      });
    const ev = (t: string) =>
      `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: t }, finish_reason: null }] })}\n\n`;
    return new Response(`${ev('答案是紫色')}${ev('暗号')}data: [DONE]\n\n`, {
      headers: { 'content-type': 'text/event-stream' },
    });
  });

const ask = (content: string, stream = false) =>
  app.request('/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ stream, messages: [{ role: 'user', content }] }),
  });

describe('guardMiddleware (in-process)', () => {
  it('answers a blocked input itself and never calls the handler', async () => {
    const r = (await (await ask('说说紫色暗号')).json()) as {
      choices: Array<{ message: { content: string }; finish_reason: string }>;
    };
    expect(r.choices[0]?.finish_reason).toBe('content_filter');
    expect(r.choices[0]?.message.content).toMatch(/^Sorry/);
  });
  it('checks JSON and streamed answers of the handler', async () => {
    const clean = (await (await ask('hello')).json()) as { choices: Array<{ message: { content: string } }> };
    expect(clean.choices[0]?.message.content).toBe('echo hello');
    const s = await (await ask('hello', true)).text();
    expect(s).not.toContain('紫');
    expect(s).toContain('content_filter');
  });
});
