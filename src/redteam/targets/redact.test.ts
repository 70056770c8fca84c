import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redact, secretsOf } from './redact.js';

describe('redact', () => {
  const key = 'sk-live-0123456789abcdefXYZ';
  it('removes the known key wherever it appears, also URL-encoded', () => {
    expect(redact(`HTTP 401: {"error":"bad key ${key}"}`, [key])).toBe(
      `HTTP 401: {"error":"bad key ${REDACTED}"}`,
    );
    expect(redact(`?k=${encodeURIComponent('a b+c/d==xyz')}`, ['a b+c/d==xyz'])).toBe(`?k=${REDACTED}`);
  });
  it('removes credential-shaped echoes even of keys it was not told about', () => {
    const echoes = [
      'HTTP 400: received headers {"authorization":"Bearer abcdefgh12345678"}',
      'Authorization: Bearer abcdefgh12345678',
      'api-key: 9f8e7d6c5b4a',
      'x-api-key=9f8e7d6c5b4a&q=1',
      "{'Api_Key': '9f8e7d6c5b4a'}",
      'token sk-abcdefghijklmnopqrstuv used',
    ];
    for (const e of echoes) {
      const out = redact(e);
      expect(out, e).toContain(REDACTED);
      expect(out, e).not.toMatch(/abcdefgh12345678|9f8e7d6c5b4a|sk-abcdefghijklmnopqrstuv/);
    }
    expect(redact('HTTP 500: upstream overloaded')).toBe('HTTP 500: upstream overloaded');
  });
  it('never leaves a known secret in any text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 6 }), fc.string(), (a, secret, b) => {
        return !redact(`${a}${secret}${b}`, [secret]).includes(secret) || REDACTED.includes(secret);
      }),
    );
  });
  it('collects the key of openai targets and the env tokens of http headers', () => {
    const env = { K: 'secret-key-1', T: 'tok-123456', SHORT: 'x' };
    expect(
      secretsOf(
        [
          {
            type: 'openai',
            baseUrl: 'http://x',
            model: 'm',
            apiKeyEnv: 'K',
            params: {},
            concurrency: 1,
            timeoutMs: 1,
            retries: 0,
            maxResponseBytes: 1,
          },
          {
            type: 'http',
            url: 'http://x',
            method: 'POST',
            headers: { authorization: 'Bearer {{env.T}}', 'x-s': '{{ env.SHORT }}' },
            body: {},
            responsePath: 'a',
            model: 'http',
            params: {},
            concurrency: 1,
            timeoutMs: 1,
            retries: 0,
            maxResponseBytes: 1,
          },
          undefined,
        ],
        env,
      ),
    ).toEqual(['secret-key-1', 'tok-123456']);
  });
});
