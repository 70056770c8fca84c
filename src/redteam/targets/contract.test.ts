import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockFault, type MockServer, startMockModel } from '../../testing/mock-model.js';
import { createTarget } from './catalogue.js';
import { TargetConfig } from './config.js';
import { nodeTransport } from './node-transport.js';
import { type Target, TargetError } from './types.js';

/**
 * One contract for every target type (ARCHITECTURE §6): it answers, its identity holds no secret,
 * failures are typed TargetErrors, and an aborted request stops. HTTP-level faults are checked for
 * the two HTTP targets.
 */
const SECRET = 'sk-contract-SECRET';
const dir = mkdtempSync(join(tmpdir(), 'beian-target-'));
const echo = join(dir, 'echo.mjs');
writeFileSync(
  echo,
  `let s='';process.stdin.on('data',d=>s+=d);process.stdin.on('end',()=>{const j=JSON.parse(s);if(j.prompt==='FAIL'){process.stderr.write('boom');process.exit(1)}if(j.prompt==='SLOW'){setTimeout(()=>{},10000);return}process.stdout.write('答：'+j.prompt)})`,
);

let ok: MockServer;
const faulty = new Map<MockFault, MockServer>();
beforeAll(async () => {
  ok = await startMockModel({ reply: (p) => `答：${p}` });
  for (const f of ['rate-limit', 'server-error', 'malformed', 'truncated', 'huge', 'hang'] as const)
    faulty.set(f, await startMockModel({ faults: { [f]: 1 }, retryAfterSeconds: 2, hugeBytes: 4096 }));
});
afterAll(async () => {
  await ok.close();
  for (const m of faulty.values()) await m.close();
});

type Make = (url: string) => Target;
const env = { CONTRACT_KEY: SECRET };
const deps = { fetch, env };
// the CLI's keep-alive node:http transport must keep the same contract as fetch
const node = nodeTransport();
afterAll(() => node.close());
const nodeDeps = { fetch, env, transport: node.send };
const http = (url: string, d: typeof deps = deps): Target =>
  createTarget(
    TargetConfig.parse({
      type: 'http',
      url: `${url}/chat/completions`,
      headers: { authorization: 'Bearer {{env.CONTRACT_KEY}}' },
      body: { model: 'm', messages: '{{messages}}' },
      responsePath: 'choices[0].message.content',
      maxResponseBytes: 2048,
    }),
    d,
  );
const openai = (url: string, d: typeof deps = deps): Target =>
  createTarget(
    TargetConfig.parse({
      type: 'openai',
      baseUrl: url,
      model: 'm',
      apiKeyEnv: 'CONTRACT_KEY',
      maxResponseBytes: 2048,
    }),
    d,
  );
const script = (): Target =>
  createTarget(TargetConfig.parse({ type: 'script', command: process.execPath, args: [echo] }), deps);

const cases: [string, Make, string][] = [
  ['openai', openai, 'http'],
  ['http', http, 'http'],
  ['openai over node:http', (u) => openai(u, nodeDeps), 'http'],
  ['http over node:http', (u) => http(u, nodeDeps), 'http'],
  ['script', () => script(), 'script'],
];

describe.each(cases)('target contract: %s', (_name, make, transport) => {
  it('answers a prompt', async () => {
    const r = await make(ok.url).send({ messages: [{ role: 'user', content: '你好' }] });
    expect(r.text).toBe('答：你好');
  });

  it('keeps secrets out of its identity (the cache key and the stored plan)', () => {
    expect(JSON.stringify(make(ok.url).identity)).not.toContain(SECRET);
  });

  it('fails with a typed error', async () => {
    const t = transport === 'script' ? script() : make(faulty.get('server-error')!.url);
    const e = await t.send({ messages: [{ role: 'user', content: 'FAIL' }] }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TargetError);
    expect((e as TargetError).kind).toBe('server');
    expect((e as TargetError).retryable).toBe(true);
  });

  it('stops when the request is aborted', async () => {
    const t = transport === 'script' ? script() : make(faulty.get('hang')!.url);
    const started = Date.now();
    const e = await t
      .send({ messages: [{ role: 'user', content: 'SLOW' }], signal: AbortSignal.timeout(300) })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TargetError);
    expect((e as TargetError).kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe.each(cases.filter((c) => c[2] === 'http'))('HTTP faults: %s', (_name, make) => {
  const send = async (fault: MockFault) =>
    make(faulty.get(fault)!.url)
      .send({ messages: [{ role: 'user', content: 'q' }] })
      .catch((x: unknown) => x as TargetError);

  it('maps 429 with Retry-After to a rate-limit error carrying the delay', async () => {
    const e = (await send('rate-limit')) as TargetError;
    expect(e.kind).toBe('rate-limit');
    expect(e.retryAfterMs).toBe(2000);
  });
  it('maps malformed JSON to a retryable bad-response', async () => {
    const e = (await send('malformed')) as TargetError;
    expect(e.kind).toBe('bad-response');
    expect(e.retryable).toBe(true);
  });
  it('maps a truncated body to a retryable failure', async () => {
    const e = (await send('truncated')) as TargetError;
    expect(['network', 'bad-response']).toContain(e.kind);
    expect(e.retryable).toBe(true);
  });
  it('refuses a body above the byte limit without retrying', async () => {
    const e = (await send('huge')) as TargetError;
    expect(e.kind).toBe('too-large');
    expect(e.retryable).toBe(false);
  });
  it('never puts the key in an error message', async () => {
    for (const f of ['rate-limit', 'server-error', 'malformed'] as const)
      expect(String(((await send(f)) as TargetError).message)).not.toContain(SECRET);
  });
});

describe('target config', () => {
  it('rejects a missing key variable with a clear message', () => {
    expect(() =>
      createTarget(
        TargetConfig.parse({ type: 'openai', baseUrl: ok.url, model: 'm', apiKeyEnv: 'NOPE_NOT_SET' }),
        deps,
      ),
    ).toThrow(/NOPE_NOT_SET/);
  });
  it('only accepts an environment variable NAME for the key', () => {
    expect(
      TargetConfig.safeParse({ type: 'openai', baseUrl: 'http://x', model: 'm', apiKeyEnv: 'sk-abc/123' })
        .success,
    ).toBe(false);
  });
});

describe('the node:http transport', () => {
  it('maps a refused connection to unreachable with its code', async () => {
    const e = (await openai('http://127.0.0.1:1', nodeDeps)
      .send({ messages: [{ role: 'user', content: 'q' }] })
      .catch((x: unknown) => x)) as TargetError;
    expect(e).toBeInstanceOf(TargetError);
    expect(e.kind).toBe('unreachable');
    expect(e.code).toBe('ECONNREFUSED');
  });
  it('keeps a multi-byte answer whole across chunks', async () => {
    const long = '长'.repeat(40_000);
    const big = await startMockModel({ reply: () => long });
    try {
      const r = await createTarget(
        TargetConfig.parse({ type: 'openai', baseUrl: big.url, model: 'm' }),
        nodeDeps,
      ).send({ messages: [{ role: 'user', content: 'q' }] });
      expect(r.text).toBe(long);
    } finally {
      await big.close();
    }
  });
});
