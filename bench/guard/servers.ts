/**
 * One server of the guard benchmark, in its own process (forked by run.ts): the mock upstream, a
 * bare pass-through proxy, or beian guard. Prints {"port": n} on IPC, then serves until killed.
 */
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadReplies } from '../../src/app/guard/config.js';
import { createGuardMetrics } from '../../src/app/guard/metrics.js';
import { createGuard } from '../../src/guard/guard.js';
import { translator } from '../../src/i18n/index.js';
import { compileLexicon, type LexiconEntry } from '../../src/lexicon/index.js';
import { createGuardProxy } from '../../src/server/guard/proxy.js';

const [role, arg] = process.argv.slice(2);
const ready = (port: number) => process.send?.({ port });

if (role === 'upstream') {
  // 2 KB answers of real Chinese text, as one JSON body or as ~40 SSE chunks.
  const text = readFileSync(arg as string, 'utf8');
  const whole = JSON.stringify({
    id: 'b',
    object: 'chat.completion',
    model: 'm',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  });
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 16) parts.push(text.slice(i, i + 16));
  const sse = `${parts
    .map(
      (p) =>
        `data: ${JSON.stringify({ id: 'b', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: p }, finish_reason: null }] })}\n\n`,
    )
    .join(
      '',
    )}data: {"id":"b","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n`;
  const events = sse.split(/(?<=\n\n)/);
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (body.includes('"stream":true')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (const e of events) res.write(e);
        res.end();
      } else res.writeHead(200, { 'content-type': 'application/json' }).end(whole);
    });
  });
  server.listen(0, '127.0.0.1', () => ready((server.address() as AddressInfo).port));
} else if (role === 'bare') {
  // The peer: the plainest correct Node reverse proxy (keep-alive agent, pipes both ways).
  const upstream = Number(arg);
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const up = request(
      { host: '127.0.0.1', port: upstream, path: req.url, method: req.method, headers: req.headers, agent },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.listen(0, '127.0.0.1', () => ready((server.address() as AddressInfo).port));
} else if (role === 'guard') {
  const [upstream, lexicon] = [Number(arg), process.argv[4] as string];
  const words = readFileSync(lexicon, 'utf8').split('\n').filter(Boolean);
  const entries: LexiconEntry[] = words.map((keyword, i) => ({
    keyword,
    category: 'A.1.8',
    severity: 3,
    origin: `bench:${i}`,
  }));
  const matcher = compileLexicon(entries);
  // flag: every keyword is still searched and recorded; the answer goes through whole.
  const guard = createGuard({
    matcher,
    policy: { default: 'flag', risks: {}, maskChar: '*' },
    replies: loadReplies(),
    lang: 'zh',
    abuse: { consecutive: 3, perDay: 5, suspendMs: 86_400_000, dayOffsetMinutes: 480 },
    onInterception: () => {},
  });
  const metrics = createGuardMetrics();
  const spent: number[] = [];
  const server = createGuardProxy({
    guard,
    upstream: `http://127.0.0.1:${upstream}/v1`,
    metrics: {
      ...metrics,
      added: (route, s) => {
        spent.push(s * 1000);
        metrics.added(route, s);
      },
    },
    t: translator('zh'),
    loopbackOnly: true,
    userHeader: 'x-beian-user',
    maxBodyBytes: 4 * 1024 * 1024,
    timeoutMs: 60_000,
  });
  process.on('message', (m) => {
    if (m === 'spent') {
      process.send?.({ spent: spent.splice(0) });
    }
  });
  server.listen(0, '127.0.0.1', () => ready((server.address() as AddressInfo).port));
  process.send?.({ keywords: entries.length, holdBack: guard.holdBack });
}
