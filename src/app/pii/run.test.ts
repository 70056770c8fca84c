import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BYTES_PER_THREAD, defaultJobs, runPii } from './run.js';

const fixture = new URL('../../../test/fixtures/pii/records.jsonl', import.meta.url).pathname;
const tickets = new URL('../../../test/fixtures/pii/tickets.csv', import.meta.url).pathname;

describe('defaultJobs', () => {
  it('gives a thread per 16 MiB of input, at least one, at most the cores (and 16)', () => {
    const MB = 1e6;
    expect(defaultJobs(0, 2)).toBe(1);
    expect(defaultJobs(24 * MB, 2)).toBe(1); // a second thread's JIT warm-up costs more than it saves
    expect(defaultJobs(2 * BYTES_PER_THREAD, 2)).toBe(2);
    expect(defaultJobs(96 * MB, 2)).toBe(2);
    expect(defaultJobs(96 * MB, 8)).toBe(5);
    expect(defaultJobs(1e12, 64)).toBe(16);
    expect(defaultJobs(1e12, 1)).toBe(1);
  });
});

describe('runPii', () => {
  it('gives the same counts and output on the worker pool as on one thread, across many blocks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-pii-run-'));
    const input = join(dir, 'big.jsonl');
    writeFileSync(input, readFileSync(fixture, 'utf8').repeat(8));
    const common = { inputs: [input], env: {}, cwd: dir, blockBytes: 4096 };
    const one = await runPii({ ...common, jobs: 1, outDir: join(dir, 'one') });
    const two = await runPii({ ...common, jobs: 2, outDir: join(dir, 'two') });
    // two workers and the calling thread
    const three = await runPii({ ...common, jobs: 3, outDir: join(dir, 'three') });
    expect(three.byType).toEqual(one.byType);
    expect(readFileSync(join(dir, 'three', 'big.jsonl'), 'utf8')).toBe(
      readFileSync(join(dir, 'one', 'big.jsonl'), 'utf8'),
    );
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

  it('scans CSV on the worker pool in batches of rows, as on one thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-pii-csv-'));
    const input = join(dir, 'big.csv');
    const [head, ...body] = readFileSync(tickets, 'utf8').trimEnd().split('\n');
    // a bad quote and a short row among them: reported in order from whichever batch holds them
    const rows = [...Array(8)].flatMap(() => body);
    rows.splice(5, 0, '9,"unclosed,13812345678', '10,short');
    writeFileSync(input, `${[head, ...rows].join('\n')}\n`);
    const common = { inputs: [input], env: {}, cwd: dir, blockBytes: 512 };
    const one = await runPii({ ...common, jobs: 1, outDir: join(dir, 'one') });
    const two = await runPii({ ...common, jobs: 2, outDir: join(dir, 'two') });
    expect(one.records).toBeGreaterThan(8);
    expect(two.records).toBe(one.records);
    expect(two.bytes).toBe(one.bytes);
    expect(two.byType).toEqual(one.byType);
    expect(two.malformed).toEqual(one.malformed);
    expect(two.examples).toEqual(one.examples);
    expect(one.malformed.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'two', 'big.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'one', 'big.csv'), 'utf8'),
    );
    expect(two.redaction?.residualHigh).toBe(one.redaction?.residualHigh);
  });
});
