import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPii } from './run.js';

const fixture = new URL('../../../test/fixtures/pii/records.jsonl', import.meta.url).pathname;

describe('runPii', () => {
  it('gives the same counts and output on the worker pool as on one thread, across many blocks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-pii-run-'));
    const input = join(dir, 'big.jsonl');
    writeFileSync(input, readFileSync(fixture, 'utf8').repeat(8));
    const common = { inputs: [input], env: {}, cwd: dir, blockBytes: 4096 };
    const one = await runPii({ ...common, jobs: 1, outDir: join(dir, 'one') });
    const two = await runPii({ ...common, jobs: 2, outDir: join(dir, 'two') });
    // every field is scanned, so the line without `text` is a record too
    expect(one.records).toBe(61 * 8);
    expect(two.records).toBe(one.records);
    expect(two.byType).toEqual(one.byType);
    expect(two.malformed).toEqual(one.malformed);
    expect(one.malformed.map((m) => m.line).slice(0, 2)).toEqual([6, 68]);
    expect(readFileSync(join(dir, 'two', 'big.jsonl'), 'utf8')).toBe(
      readFileSync(join(dir, 'one', 'big.jsonl'), 'utf8'),
    );
    expect(two.redaction?.residualHigh).toBe(0);
  });
});
