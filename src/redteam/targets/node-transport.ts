import http from 'node:http';
import https from 'node:https';
import { type HttpTransport, networkFailure, statusFailure, TargetError } from './types.js';

export interface NodeTransport {
  send: HttpTransport;
  /** closes the idle keep-alive sockets */
  close(): void;
}

/**
 * HTTP targets over node:http(s) with keep-alive agents. A red-team run is thousands of small
 * JSON exchanges; fetch wraps each one in WHATWG Request/Headers/ReadableStream objects whose cost
 * (and garbage) rivalled the model's own answer time at zero latency. Same failure mapping as
 * `exchange` over fetch: typed TargetErrors, the byte limit, Retry-After, aborts as timeouts.
 * Redirects are not followed: a model endpoint that redirects is a misconfiguration to see.
 */
export function nodeTransport(opts: { maxSockets?: number } = {}): NodeTransport {
  const agentOpts = { keepAlive: true, maxSockets: opts.maxSockets ?? 256, maxFreeSockets: 256 };
  const agents = { http: new http.Agent(agentOpts), https: new https.Agent(agentOpts) };
  const send: HttpTransport = (url, init, maxBytes) =>
    new Promise((resolve, reject) => {
      const signal = init.signal;
      if (signal?.aborted) return reject(networkFailure(abortError(signal)));
      let u: URL;
      try {
        u = new URL(url);
      } catch (e) {
        return reject(new TargetError('client', `invalid URL ${url}: ${(e as Error).message}`));
      }
      const secure = u.protocol === 'https:';
      if (!secure && u.protocol !== 'http:')
        return reject(new TargetError('client', `unsupported protocol ${u.protocol}`));
      const headers: Record<string, string | number> = { ...init.headers };
      const payload = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
      if (payload) headers['content-length'] = payload.byteLength;
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(networkFailure(e));
      };
      const req = (secure ? https : http).request(
        {
          protocol: u.protocol,
          hostname: u.hostname.replace(/^\[|\]$/g, ''),
          port: u.port || (secure ? 443 : 80),
          path: `${u.pathname}${u.search}`,
          method: init.method,
          headers,
          agent: secure ? agents.https : agents.http,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const declared = Number(res.headers['content-length']);
          if (declared > maxBytes) {
            res.destroy();
            return fail(new TargetError('too-large', `response body exceeds ${maxBytes} bytes`, { status }));
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (b: Buffer) => {
            size += b.byteLength;
            if (size > maxBytes) {
              res.destroy();
              fail(new TargetError('too-large', `response body exceeds ${maxBytes} bytes`, { status }));
              return;
            }
            chunks.push(b);
          });
          res.on('error', fail);
          res.on('close', () => {
            if (settled) return;
            if (!res.complete)
              return fail(
                new TargetError('bad-response', `truncated response (${size} bytes read)`, { status }),
              );
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            const body =
              chunks.length === 1
                ? (chunks[0] as Buffer).toString('utf8')
                : Buffer.concat(chunks).toString('utf8');
            const retryAfter = res.headers['retry-after'];
            const failure = statusFailure(status, typeof retryAfter === 'string' ? retryAfter : null, body);
            if (failure) reject(failure);
            else resolve({ status, body });
          });
        },
      );
      const onAbort = () => {
        const e = abortError(signal as AbortSignal);
        req.destroy(e);
        fail(e);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', fail);
      req.end(payload);
    });
  return {
    send,
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

/** The signal's reason when it is an Error (a TimeoutError from the policy), else an AbortError. */
function abortError(signal: AbortSignal): Error {
  const r: unknown = signal.reason;
  return r instanceof Error ? r : new DOMException('aborted', 'AbortError');
}
