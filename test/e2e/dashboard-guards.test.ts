import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';

/**
 * The attacks of issue #21 against a real `beian serve`: cross-site writes to the JSON API and
 * forms, and a huge upload without a CSRF token. The filing must not move and the server's memory
 * must stay flat.
 */
const DEMO = new URL('../../examples/demo/beian.yaml', import.meta.url).pathname;
const FILING = 'shop-search:product-search-ranking:algorithm-filing';

function startServe(cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    cwd,
    env: { ...process.env, BEIAN_LANG: 'en', ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) resolve({ child, url: m[0] });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

const peakRssMiB = (pid: number): number =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Streams `mib` MiB of a multipart body; resolves with the status, or 'reset' when the server hangs up. */
function hugeUpload(url: string, mib: number): Promise<number | 'reset'> {
  return new Promise((resolve) => {
    const req = request(`${url}filings/${encodeURIComponent(FILING)}/evidence`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xx', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', () => resolve('reset'));
    const chunk = Buffer.alloc(1 << 20, 'a');
    req.write('--xx\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n');
    let sent = 0;
    const pump = (): void => {
      while (sent < mib) {
        sent++;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end('\r\n--xx--\r\n');
    };
    pump();
  });
}

describe('dashboard: no cross-site writes, bounded uploads (issue #21)', () => {
  let cwd: string;
  let server: { child: ChildProcess; url: string };
  const state = () =>
    (JSON.parse(runCli(['registry', 'show', FILING, '--json'], { cwd }).stdout) as { state: string }).state;

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'beian-guards-'));
    copyFileSync(DEMO, join(cwd, 'beian.yaml'));
    expect(runCli(['registry', 'sync'], { cwd }).code).toBe(0);
    server = await startServe(cwd);
  });
  afterAll(() => server?.child.kill('SIGTERM'));

  it('a text/plain "simple" request with a JSON-looking charset, or a foreign Origin, moves nothing', async () => {
    const before = state();
    const api = `${server.url}api/filings/${encodeURIComponent(FILING)}/transition`;
    const body = JSON.stringify({ to: 'preparing', by: 'attacker' });
    const simple = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=application/json' },
      body,
    });
    expect(simple.status).toBe(415);
    const foreign = await fetch(api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.com' },
      body,
    });
    expect(foreign.status).toBe(403);
    const otherPort = await fetch(`${server.url}filings/${encodeURIComponent(FILING)}/transition`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:1' },
      body: 'to=cancelled&reason=x',
    });
    expect(otherPort.status).toBe(403);
    expect(state()).toBe(before);
  });

  it('a 1 GiB upload without a CSRF token is cut off early; the server stays small and alive', async () => {
    const status = await hugeUpload(server.url, 1024);
    expect(status === 413 || status === 403 || status === 'reset').toBe(true);
    expect(peakRssMiB(server.child.pid as number)).toBeLessThan(400);
    expect((await fetch(`${server.url}healthz`)).status).toBe(200);
  });

  it('in token mode the JSON API refuses the cookie and takes the bearer header', async () => {
    const tokenServer = await startServe(cwd, { BEIAN_TOKEN: 'editor-secret' });
    try {
      const api = `${tokenServer.url}api/filings/${encodeURIComponent(FILING)}/transition`;
      const headers = { 'content-type': 'application/json' };
      const body = JSON.stringify({ to: 'preparing', by: 'ci' });
      const cookie = await fetch(api, {
        method: 'POST',
        headers: { ...headers, cookie: 'beian_token=editor-secret' },
        body,
      });
      expect(cookie.status).toBe(401);
      const bearer = await fetch(api, {
        method: 'POST',
        headers: { ...headers, authorization: 'Bearer editor-secret' },
        body,
      });
      expect([200, 409]).toContain(bearer.status);
    } finally {
      tokenServer.child.kill('SIGTERM');
    }
  });
});
