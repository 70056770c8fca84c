import { timingSafeEqual } from 'node:crypto';
import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { StringDecoder } from 'node:string_decoder';
import type { GuardMetrics } from '../../app/guard/metrics.js';
import type { Guard } from '../../guard/guard.js';
import { type ApiKind, requestModel, textAnswer, textChunk, wantsStream } from '../../guard/openai.js';
import type { Translate } from '../../i18n/index.js';

export interface ProxyOptions {
  guard: Guard;
  upstream: string;
  metrics: GuardMetrics;
  t: Translate;
  /** required in X-Beian-Guard-Token when set (listening off loopback) */
  token?: string | undefined;
  /** refuse Host headers that are not loopback (DNS rebinding), as `beian serve` does */
  loopbackOnly: boolean;
  userHeader: string;
  maxBodyBytes: number;
  timeoutMs: number;
  /** largest whole (non-streamed) answer read from upstream, bytes */
  maxAnswerBytes?: number;
  clock?: () => Date;
}

const HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'x-beian-guard-token',
]);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const forwardHeaders = (h: IncomingHttpHeaders, guarded: boolean): OutgoingHttpHeaders => {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined && !HOP.has(k)) out[k] = v;
  // The guard reads the answer: ask for it uncompressed.
  if (guarded) out['accept-encoding'] = 'identity';
  return out;
};

const responseHeaders = (h: IncomingHttpHeaders, keepLength: boolean): OutgoingHttpHeaders => {
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(h))
    if (v !== undefined && (keepLength ? k === 'content-length' || !HOP.has(k) : !HOP.has(k))) out[k] = v;
  return out;
};

const hostOf = (h: string | undefined): string => {
  if (!h) return '';
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  return h.split(':')[0] ?? '';
};

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

type Fail = 'timeout' | 'unreachable' | 'reset';

/**
 * The reverse proxy: node:http in and out with keep-alive agents (the lowest overhead on Node:
 * no body copies for pass-through routes, no fetch/WHATWG stream layers). Chat and completions
 * requests are checked on the way in and their answers on the way out; everything else is piped.
 */
export function createGuardProxy(o: ProxyOptions): Server {
  const base = new URL(o.upstream);
  const prefix = base.pathname.replace(/\/+$/, '');
  const secure = base.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 512 })
    : new HttpAgent({ keepAlive: true, maxSockets: 512 });
  const send = secure ? httpsRequest : httpRequest;
  const maxAnswer = o.maxAnswerBytes ?? 64 * 1024 * 1024;
  const clock = o.clock ?? (() => new Date());

  const target = (path: string): string => {
    const rest = path.startsWith('/v1/') || path === '/v1' ? path.slice(3) : path;
    return `${prefix}${rest}`;
  };

  const json = (res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      ...headers,
    });
    res.end(text);
  };
  const error = (res: ServerResponse, status: number, code: string, message: string) =>
    json(res, status, { error: { message, type: code, code } });

  const failStatus: Record<Fail, [number, string]> = {
    timeout: [504, 'upstream_timeout'],
    unreachable: [502, 'upstream_unreachable'],
    reset: [502, 'upstream_reset'],
  };
  const failMessage = (f: Fail) => o.t(`guard.error.${f}`);

  const upstream = (
    req: IncomingMessage,
    headers: OutgoingHttpHeaders,
    onResponse: (r: IncomingMessage) => void,
    onFail: (f: Fail) => void,
  ) => {
    let failed = false;
    const fail = (f: Fail) => {
      if (failed) return;
      failed = true;
      onFail(f);
    };
    const up = send(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        path: target(req.url ?? '/'),
        method: req.method,
        headers,
        agent,
      },
      (r) => {
        r.on('aborted', () => fail('reset'));
        r.on('error', () => fail('reset'));
        onResponse(r);
      },
    );
    up.setTimeout(o.timeoutMs, () => {
      fail('timeout');
      up.destroy();
    });
    up.on('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND' || e.code === 'EHOSTUNREACH'
          ? 'unreachable'
          : 'reset',
      ),
    );
    return up;
  };

  const passThrough = (req: IncomingMessage, res: ServerResponse) => {
    const up = upstream(
      req,
      forwardHeaders(req.headers, false),
      (r) => {
        res.writeHead(r.statusCode ?? 502, responseHeaders(r.headers, true));
        r.pipe(res);
        o.metrics.request('other', r.statusCode ?? 502);
      },
      (f) => {
        o.metrics.request('other', failStatus[f][0]);
        if (!res.headersSent) error(res, failStatus[f][0], failStatus[f][1], failMessage(f));
        else res.destroy();
      },
    );
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    req.pipe(up);
  };

  const readBody = (req: IncomingMessage, max: number): Promise<Buffer | undefined> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > max) {
          resolve(undefined);
          req.removeAllListeners('data');
          req.resume();
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });

  const guarded = async (req: IncomingMessage, res: ServerResponse, kind: ApiKind) => {
    const route = kind === 'chat' ? 'chat' : 'completions';
    const raw = await readBody(req, o.maxBodyBytes);
    if (!raw) {
      o.metrics.request(route, 413);
      res.setHeader('connection', 'close');
      return error(res, 413, 'request_too_large', o.t('guard.error.tooLarge', { max: o.maxBodyBytes }));
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      o.metrics.request(route, 400);
      return error(res, 400, 'invalid_json', o.t('guard.error.badJson'));
    }
    const headerUser = req.headers[o.userHeader];
    const user = typeof headerUser === 'string' && headerUser !== '' ? headerUser : undefined;
    let spent = 0;
    let t0 = performance.now();
    const verdict = o.guard.checkInput(body, user);
    spent += performance.now() - t0;
    const stream = wantsStream(body);
    if (verdict.kind === 'suspended') {
      o.metrics.request(route, 403);
      o.metrics.added(route, spent / 1000);
      return error(
        res,
        403,
        'user_suspended',
        `${verdict.reply} ${o.t('guard.error.suspended', { until: verdict.until.toISOString() })}`,
      );
    }
    if (verdict.kind === 'block') {
      o.metrics.request(route, 200);
      o.metrics.added(route, spent / 1000);
      if (!stream)
        return json(
          res,
          200,
          textAnswer(
            kind,
            requestModel(body),
            verdict.reply,
            'content_filter',
            Math.floor(clock().getTime() / 1000),
          ),
        );
      const like = { model: requestModel(body), created: Math.floor(clock().getTime() / 1000) };
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(
        `data: ${JSON.stringify(textChunk(kind, like, verdict.reply, null))}\n\n` +
          `data: ${JSON.stringify(textChunk(kind, like, '', 'content_filter'))}\n\ndata: [DONE]\n\n`,
      );
      return;
    }
    const out = verdict.changed ? Buffer.from(JSON.stringify(verdict.body)) : raw;
    const headers = forwardHeaders(req.headers, true);
    headers['content-length'] = out.length;
    const finish = (status: number) => {
      o.metrics.request(route, status);
      o.metrics.added(route, spent / 1000);
    };
    const up = upstream(
      req,
      headers,
      (r) => {
        const status = r.statusCode ?? 502;
        const type = String(r.headers['content-type'] ?? '');
        if (status !== 200) {
          // 429 (with Retry-After), 500 … pass on as they came.
          res.writeHead(status, responseHeaders(r.headers, true));
          r.pipe(res);
          r.on('end', () => finish(status));
          return;
        }
        if (type.includes('text/event-stream')) {
          res.writeHead(200, responseHeaders(r.headers, false));
          const filter = o.guard.stream(kind, verdict.kind === 'pass' ? user : undefined);
          const decoder = new StringDecoder('utf8');
          let stopped = false;
          r.on('data', (c: Buffer) => {
            if (stopped) return;
            t0 = performance.now();
            const step = filter.push(decoder.write(c));
            spent += performance.now() - t0;
            if (step.out) res.write(step.out);
            if (step.blocked) {
              stopped = true;
              up.destroy();
              res.end();
              finish(200);
            }
          });
          r.on('end', () => {
            if (stopped) return;
            t0 = performance.now();
            const step = filter.end();
            spent += performance.now() - t0;
            res.end(step.out);
            finish(200);
          });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        r.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxAnswer) {
            up.destroy();
            if (!res.headersSent) error(res, 502, 'upstream_too_large', failMessage('reset'));
            return;
          }
          chunks.push(c);
        });
        r.on('end', () => {
          if (res.headersSent) return;
          const bytes = Buffer.concat(chunks);
          const text = bytes.toString('utf8');
          let answer: unknown;
          try {
            answer = JSON.parse(text);
          } catch {
            // An answer the guard cannot read is not passed on unchecked.
            finish(502);
            return error(res, 502, 'upstream_malformed', failMessage('reset'));
          }
          t0 = performance.now();
          const checked = o.guard.checkAnswer(answer, kind, user);
          spent += performance.now() - t0;
          // An answer the guard did not touch goes out as the upstream's own bytes.
          if (checked.changed) json(res, 200, answer, responseHeaders(r.headers, false));
          else {
            res.writeHead(200, { ...responseHeaders(r.headers, false), 'content-length': bytes.length });
            res.end(bytes);
          }
          finish(200);
        });
      },
      (f) => {
        finish(failStatus[f][0]);
        if (!res.headersSent) return error(res, failStatus[f][0], failStatus[f][1], failMessage(f));
        // Mid-stream: tell an SSE client in-band, then close.
        if (!res.writableEnded)
          res.end(
            `data: ${JSON.stringify({ error: { message: failMessage(f), type: failStatus[f][1] } })}\n\n`,
          );
      },
    );
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    up.end(out);
  };

  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    if (o.loopbackOnly && !LOOPBACK.has(hostOf(req.headers.host)))
      return error(res, 403, 'forbidden_host', 'Forbidden host');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/healthz') return json(res, 200, { ok: true });
    if (o.token) {
      const given = req.headers['x-beian-guard-token'];
      if (typeof given !== 'string' || !same(given, o.token))
        return error(res, 401, 'guard_unauthorized', o.t('guard.error.forbidden'));
    }
    if (path === '/metrics' && req.method === 'GET') {
      void o.metrics.registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': o.metrics.registry.contentType });
        res.end(text);
      });
      return;
    }
    if (req.method === 'POST' && path.endsWith('/chat/completions'))
      return void guarded(req, res, 'chat').catch(() => res.destroy());
    if (req.method === 'POST' && path.endsWith('/completions'))
      return void guarded(req, res, 'completions').catch(() => res.destroy());
    passThrough(req, res);
  });
  server.on('close', () => agent.destroy());
  return server;
}
