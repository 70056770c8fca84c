import { describe, expect, it } from 'vitest';
import { jsonReason } from '../errors.js';
import { translator } from '../i18n/index.js';
import { malformedEntry, malformedIssue, malformedReason } from './malformed.js';
import { blockItems } from './parse.js';
import type { MalformedEntry } from './types.js';

const zh = translator('zh');
const en = translator('en');

describe('malformed entries carry a catalogue key', () => {
  it('keeps the English reason and translates the key, nested reasons included', () => {
    const cause = ((): Error => {
      try {
        JSON.parse('{"text":');
      } catch (e) {
        return e as Error;
      }
      throw new Error('the text parsed');
    })();
    const m = malformedEntry('a.jsonl', 2, 'malformed.invalidJson', { reason: jsonReason(cause) });
    expect(m.reason).toBe(`invalid JSON: ${cause.message}`);
    expect(malformedReason(m, en)).toBe(m.reason);
    expect(malformedReason(m, zh)).toBe('JSON 不完整：内容意外结束');
  });

  it('survives structured cloning (what worker threads do) with its translation intact', () => {
    const items = blockItems(
      {
        kind: 'lines',
        file: 'b.jsonl',
        format: 'jsonl',
        encoding: 'utf8',
        firstLine: 1,
        bytes: new TextEncoder().encode('{"x":1}\n{"text":2.5}\n[1]\n'),
      },
      { field: 'body' },
    );
    const copies = structuredClone(items) as MalformedEntry[];
    expect(copies.map((m) => `${m.line} ${malformedReason(m, zh)}`)).toEqual([
      '1 缺少字段 “body”',
      '2 缺少字段 “body”',
      '3 缺少字段 “body”',
    ]);
  });

  it('an entry from an outside caller without a key shows its reason as it is', () => {
    const m: MalformedEntry = { file: 'c.txt', line: 4, reason: 'custom reader problem' };
    expect(malformedReason(m, zh)).toBe('custom reader problem');
    expect(malformedIssue(m)).toEqual({ file: 'c.txt', line: 4, message: 'custom reader problem' });
  });
});
