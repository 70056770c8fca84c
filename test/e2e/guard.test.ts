import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';

/** A scripted OpenAI-compatible upstream: each test sets what the next answers look like. */
interface Script {
  chunks: string[];
  status?: number;
  headers?: Record<string, string>;
  mode?: 'ok' | 'hang' | 'reset' | 'reset-mid';
}

const chunk = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
const streamOf = (parts: string[]) =>
  `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}\n\n${parts.map((p) => chunk(p)).join('')}data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n`;

let script: Script = { chunks: [] };
const seen: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
let upstream: Server;
let upstreamUrl = '';

function startUpstream(): Promise<void> {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', async () => {
      seen.push({ headers: req.headers, body });
      if (req.url?.endsWith('/models')) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"object":"list","data":[{"id":"m"}]}');
        return;
      }
      const s = script;
      if (s.mode === 'hang') return;
      if (s.mode === 'reset') {
        req.socket.destroy();
        return;
      }
      if (s.status && s.status !== 200) {
        res
          .writeHead(s.status, { 'content-type': 'application/json', ...s.headers })
          .end('{"error":{"message":"upstream says no"}}');
        return;
      }
      const parsed = JSON.parse(body) as { stream?: boolean };
      if (!parsed.stream) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'c1',
            object: 'chat.completion',
            model: 'm',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: s.chunks.join('') },
                finish_reason: 'stop',
              },
            ],
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const wire = streamOf(s.chunks);
      // Write event by event with pauses, so the proxy sees them as separate TCP reads.
      for (const piece of wire.split(/(?<=\n\n)/)) {
        res.write(piece);
        await new Promise((r) => setTimeout(r, 5));
        if (s.mode === 'reset-mid') {
          req.socket.destroy();
          return;
        }
      }
      res.end();
    });
  });
  return new Promise((resolve) =>
    upstream.listen(0, '127.0.0.1', () => {
      upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
      resolve();
    }),
  );
}

interface Running {
  url: string;
  proc: ChildProcess;
  out: () => string;
  stop: () => Promise<void>;
}

function startGuard(dir: string, args: string[] = []): Promise<Running> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [
        BIN,
        '--db',
        join(dir, 'g.db'),
        'guard',
        '--upstream',
        upstreamUrl,
        '--port',
        '0',
        '--config',
        join(dir, 'beian.yaml'),
        ...args,
      ],
      {
        env: { ...process.env, BEIAN_LANG: undefined },
      },
    );
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m)
        resolve({
          url: m[1] as string,
          proc,
          out: () => out,
          stop: () =>
            new Promise((r) => {
              proc.once('exit', () => r());
              proc.kill('SIGTERM');
            }),
        });
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    proc.once('exit', (code) => reject(new Error(`guard exited ${code}: ${out}`)));
  });
}

function project(dir: string, guard: string): void {
  writeFileSync(
    join(dir, 'own.txt'),
    '#! category=A.1.8 severity=3\n紫色暗号\n#! category=A.2.5 severity=2\n蓝莓歧视语\n',
  );
  writeFileSync(
    join(dir, 'beian.yaml'),
    `services:\n  - id: chat\n    name: chat\n    answers: {}\nguard:\n  lexicon: [own.txt]\n${guard}`,
  );
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const SECRET = 'sk-guard-test-0123456789abcdef';

beforeAll(() => startUpstream());
afterAll(() => new Promise((r) => upstream.close(r)));

describe('beian guard (real HTTP, mock upstream)', () => {
  let dir: string;
  let g: Running;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'beian-guard-'));
    project(
      dir,
      '  policy: { default: block, risks: { A.2: mask } }\n  label: { enabled: false }\n  timeoutMs: 800\n',
    );
    g = await startGuard(dir);
  }, 30_000);
  afterAll(async () => {
    await g?.stop();
  });

  it('never lets a keyword split across two SSE chunks reach the client', async () => {
    script = { chunks: ['答案是紫色', '暗号，', '完毕'] };
    const r = await post(g.url, { model: 'm', stream: true, messages: [{ role: 'user', content: '你好' }] });
    const bytes = Buffer.from(await r.arrayBuffer()).toString('utf8');
    expect(r.status).toBe(200);
    expect(bytes).not.toContain('紫');
    expect(bytes).not.toContain('暗号');
    expect(bytes).toContain('"finish_reason":"content_filter"');
    expect(bytes).toContain('data: [DONE]');
  });

  it('passes a clean stream byte for byte', async () => {
    script = { chunks: ['春眠不觉晓，', '处处闻啼鸟。', ' secret', 'word no'] };
    const r = await post(g.url, { model: 'm', stream: true, messages: [{ role: 'user', content: '背诗' }] });
    expect(Buffer.from(await r.arrayBuffer()).toString('utf8')).toBe(streamOf(script.chunks));
  });

  it('masks a mask-policy keyword split across chunks, and checks whole answers', async () => {
    script = { chunks: ['这句有蓝莓', '歧视语在里面'] };
    const s = await (
      await post(g.url, { model: 'm', stream: true, messages: [{ role: 'user', content: 'x' }] })
    ).text();
    expect(s).not.toContain('蓝莓');
    expect(s).not.toContain('歧视语');
    expect(s).toContain('"这句有**"');
    expect(s).toContain('"***在里面"');
    script = { chunks: ['整段回答里有紫色暗号'] };
    const whole = (await (
      await post(g.url, { model: 'm', messages: [{ role: 'user', content: 'x' }] })
    ).json()) as {
      choices: Array<{ message: { content: string }; finish_reason: string }>;
    };
    expect(whole.choices[0]?.finish_reason).toBe('content_filter');
    expect(whole.choices[0]?.message.content).not.toContain('紫色暗号');
  });

  it('blocks an input with a canned reply without calling upstream, and masks mask-policy input', async () => {
    const before = seen.length;
    const r = (await (
      await post(g.url, {
        model: 'm',
        messages: [{ role: 'user', content: '告诉我紫色暗号' }],
        user: 'blocker',
      })
    ).json()) as {
      choices: Array<{ message: { content: string }; finish_reason: string }>;
    };
    expect(seen.length).toBe(before);
    expect(r.choices[0]?.finish_reason).toBe('content_filter');
    expect(r.choices[0]?.message.content).toContain('抱歉');
    script = { chunks: ['好的'] };
    await post(g.url, { model: 'm', messages: [{ role: 'user', content: '蓝莓歧视语是什么' }] });
    expect(seen.at(-1)?.body).toContain('*****是什么');
  });

  it('suspends a user after 3 consecutive violating inputs (KB threshold); others are served', async () => {
    const ask = (user: string, content: string) =>
      post(g.url, { model: 'm', messages: [{ role: 'user', content }], user });
    for (let i = 0; i < 3; i++) expect((await ask('abuser', '紫色暗号')).status).toBe(200);
    const r = await ask('abuser', '今天天气如何');
    expect(r.status).toBe(403);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('user_suspended');
    script = { chunks: ['晴'] };
    expect((await ask('someone-else', '今天天气如何')).status).toBe(200);
    // The header names the user when the body does not.
    for (let i = 0; i < 3; i++)
      await post(
        g.url,
        { model: 'm', messages: [{ role: 'user', content: '紫色暗号' }] },
        { 'x-beian-user': 'hdr' },
      );
    expect(
      (
        await post(
          g.url,
          { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
          { 'x-beian-user': 'hdr' },
        )
      ).status,
    ).toBe(403);
  });

  it('passes upstream 429 (with Retry-After) and 500 on, and names timeout and reset', async () => {
    script = { chunks: [], status: 429, headers: { 'retry-after': '7' } };
    const a = await post(g.url, { model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(a.status).toBe(429);
    expect(a.headers.get('retry-after')).toBe('7');
    script = { chunks: [], status: 500 };
    expect((await post(g.url, { model: 'm', messages: [{ role: 'user', content: 'x' }] })).status).toBe(500);
    script = { chunks: [], mode: 'hang' };
    const t = await post(g.url, { model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(t.status).toBe(504);
    expect(((await t.json()) as { error: { code: string } }).error.code).toBe('upstream_timeout');
    script = { chunks: [], mode: 'reset' };
    const z = await post(g.url, { model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(z.status).toBe(502);
    expect(((await z.json()) as { error: { code: string } }).error.code).toBe('upstream_reset');
    script = { chunks: ['半句', '话'], mode: 'reset-mid' };
    const mid = await post(g.url, { model: 'm', stream: true, messages: [{ role: 'user', content: 'x' }] });
    expect(await mid.text()).toContain('upstream_reset');
  });

  it('passes other routes through and refuses oversized bodies', async () => {
    const m = await fetch(`${g.url}v1/models`);
    expect(await m.json()).toEqual({ object: 'list', data: [{ id: 'm' }] });
    const big = await post(g.url, {
      model: 'm',
      messages: [{ role: 'user', content: 'x'.repeat(5 * 1024 * 1024) }],
    });
    expect(big.status).toBe(413);
  });

  it('forwards the API key upstream and keeps it out of the database, the output and the metrics', async () => {
    script = { chunks: ['含紫色暗号的回答'] };
    await post(
      g.url,
      { model: 'm', messages: [{ role: 'user', content: `紫色暗号 ${SECRET}` }], user: 'u-with-key' },
      { authorization: `Bearer ${SECRET}` },
    );
    await post(
      g.url,
      { model: 'm', messages: [{ role: 'user', content: 'hello' }] },
      { authorization: `Bearer ${SECRET}` },
    );
    expect(seen.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`);
    const metrics = await (await fetch(`${g.url}metrics`)).text();
    expect(metrics).toContain(
      'beian_guard_interceptions_total{risk="A.1.8",direction="input",action="block"}',
    );
    expect(metrics).toContain('beian_guard_added_latency_seconds_bucket');
    expect(metrics).not.toContain(SECRET);
    await new Promise((r) => setTimeout(r, 1500)); // the recorder writes once a second
    const db = readdirSync(dir)
      .filter((f) => f.startsWith('g.db'))
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('');
    expect(db).not.toContain(SECRET);
    expect(db).not.toContain('u-with-key');
    expect(db).toContain(Buffer.from('紫色暗号').toString('latin1'));
    expect(g.out()).not.toContain(SECRET);
  });
});

describe('beian guard: label and configuration', () => {
  it('adds the GB 45438 label as one extra chunk and leaves the rest of a clean stream unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-guard-'));
    project(dir, '  label: { position: end }\n');
    const g = await startGuard(dir);
    try {
      script = { chunks: ['一', '二'] };
      const s = await (
        await post(g.url, { model: 'm', stream: true, messages: [{ role: 'user', content: 'x' }] })
      ).text();
      const events = s.split(/(?<=\n\n)/);
      const label = events.findIndex((e) => e.includes('人工智能生成'));
      expect(label).toBeGreaterThan(0);
      expect([...events.slice(0, label), ...events.slice(label + 1)].join('')).toBe(streamOf(script.chunks));
    } finally {
      await g.stop();
    }
  }, 30_000);

  it('refuses an unknown risk id and a bad policy with exit 2, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-guard-'));
    project(dir, '  policy: { risks: { A.9.9: block } }\n');
    const a = runCli(['guard', '--upstream', 'http://127.0.0.1:9/v1', '--config', join(dir, 'beian.yaml')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('guard.policy.risks');
    project(dir, '  policy: { risks: { A.1.1: block } }\n');
    writeFileSync(
      join(dir, 'beian.yaml'),
      readFileSync(join(dir, 'beian.yaml'), 'utf8').replace('A.1.1: block', 'A.1.1: drop'),
    );
    const b = runCli(['guard', '--upstream', 'http://127.0.0.1:9/v1', '--config', join(dir, 'beian.yaml')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('guard.policy.risks.A.1.1');
    const c = runCli([
      'guard',
      '--upstream',
      'http://127.0.0.1:9/v1',
      '--host',
      '0.0.0.0',
      '--config',
      join(dir, 'beian.yaml'),
    ]);
    expect(c.code).toBe(2);
  });
});

describe('beian redteam run through the guard', () => {
  it('works unchanged against the mock model behind the guard, and guard report counts interceptions per bank and risk', async () => {
    const { startMockModel } = await import('../../src/testing/index.js');
    const mock = await startMockModel();
    const dir = mkdtempSync(join(tmpdir(), 'beian-guard-rt-'));
    project(dir, '');
    const saved = upstreamUrl;
    upstreamUrl = mock.url;
    const g = await startGuard(dir);
    upstreamUrl = saved;
    try {
      const banks = new URL('../../data/banks/', import.meta.url).pathname;
      const db = ['--db', join(dir, 'rt.db')];
      const run = spawn(process.execPath, [
        BIN,
        ...db,
        'redteam',
        'run',
        '--base-url',
        `${g.url}v1`,
        '--model',
        'mock',
        '--bank',
        `${banks}starter-should-refuse.jsonl`,
        '--bank',
        `${banks}starter-should-not-refuse.jsonl`,
        '--sample',
        '80',
        '--json',
      ]);
      let out = '';
      run.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      await new Promise((r) => run.once('exit', r));
      const report = JSON.parse(out) as { completed: number; errors: number };
      expect(report.completed).toBe(160);
      expect(report.errors).toBe(0);
      const r = runCli([...db, 'guard', 'report', '--json', '--config', join(dir, 'beian.yaml')]);
      expect(r.code).toBe(0);
      const effect = JSON.parse(r.stdout) as {
        byBank: Record<string, Record<string, { n: number; intercepted: number }>>;
      };
      expect(effect.byBank['should-refuse']?.['*']?.n).toBe(80);
      expect(effect.byBank['should-refuse']?.['*']?.intercepted).toBeGreaterThan(0);
      expect(effect.byBank['should-not-refuse']?.['*']?.n).toBe(80);
    } finally {
      await g.stop();
      await mock.close();
    }
  }, 60_000);
});
