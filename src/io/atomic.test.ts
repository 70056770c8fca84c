import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  adoptAtomicStream,
  MANIFEST,
  openAtomicStream,
  replaceDirAtomic,
  writeFileAtomic,
  writeFileAtomicSync,
  writeManifest,
} from './atomic.js';

const dir = () => mkdtempSync(join(tmpdir(), 'beian-atomic-'));

describe('atomic outputs', () => {
  it('writeFileAtomic replaces the file and leaves no temporary file', async () => {
    const d = dir();
    const f = join(d, 'out.json');
    writeFileSync(f, 'old');
    await writeFileAtomic(f, 'new');
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(readdirSync(d)).toEqual(['out.json']);
  });

  it('writeFileAtomicSync without overwrite keeps an existing file and leaves no temporary file', () => {
    const d = dir();
    const f = join(d, 'beian.yaml');
    writeFileAtomicSync(f, 'first', { overwrite: false });
    expect(() => writeFileAtomicSync(f, 'second', { overwrite: false })).toThrow(/EEXIST/);
    expect(readFileSync(f, 'utf8')).toBe('first');
    expect(readdirSync(d)).toEqual(['beian.yaml']);
  });

  it('a stream killed before commit leaves the previous file untouched', () => {
    const d = dir();
    const f = join(d, 'flagged.jsonl');
    writeFileSync(f, 'previous run\n');
    // a child that writes half its output and is killed (SIGKILL) before committing
    const src = `import { openAtomicStream } from ${JSON.stringify(new URL('./atomic.ts', import.meta.url).pathname)};
      const s = openAtomicStream(${JSON.stringify(f)}); s.stream.write('partial\\n'); setTimeout(() => process.kill(process.pid, 'SIGKILL'), 50);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', src], {
      encoding: 'utf8',
    });
    expect(r.signal).toBe('SIGKILL');
    expect(readFileSync(f, 'utf8')).toBe('previous run\n');
  });

  it('commit moves the whole stream into place; abort discards it', async () => {
    const d = dir();
    const f = join(d, 'x.jsonl');
    const a = openAtomicStream(f);
    a.stream.write('one\n');
    expect(existsSync(f)).toBe(false);
    await a.commit();
    expect(readFileSync(f, 'utf8')).toBe('one\n');
    const b = openAtomicStream(f);
    b.stream.write('two\n');
    await b.abort();
    expect(readFileSync(f, 'utf8')).toBe('one\n');
    expect(readdirSync(d)).toEqual(['x.jsonl']);
  });

  it('an adopted file becomes the head of the output without a copy; abort gives it back whole', async () => {
    const d = dir();
    const f = join(d, 'out.jsonl');
    const part = join(d, 'part.0');
    writeFileSync(part, 'head\n');
    const a = await adoptAtomicStream(f, part);
    expect(existsSync(part)).toBe(false);
    a.stream.write('tail\n');
    await a.commit();
    expect(readFileSync(f, 'utf8')).toBe('head\ntail\n');
    expect(readdirSync(d)).toEqual(['out.jsonl']);
    writeFileSync(part, 'again\n');
    const b = await adoptAtomicStream(f, part);
    b.stream.write('more than the part held\n');
    await b.abort();
    expect(readFileSync(part, 'utf8')).toBe('again\n');
    expect(readFileSync(f, 'utf8')).toBe('head\ntail\n');
    expect(readdirSync(d).sort()).toEqual(['out.jsonl', 'part.0']);
  });

  it('replaceDirAtomic swaps a whole folder; a failed build keeps the old one', async () => {
    const d = dir();
    const target = join(d, 'materials');
    mkdirSync(target);
    writeFileSync(join(target, 'old.docx'), 'old');
    await expect(
      replaceDirAtomic(target, async (tmp) => {
        writeFileSync(join(tmp, 'half.docx'), 'x');
        throw new Error('renderer failed');
      }),
    ).rejects.toThrow('renderer failed');
    expect(readdirSync(target)).toEqual(['old.docx']);
    await replaceDirAtomic(target, async (tmp) => {
      writeFileSync(join(tmp, 'new.docx'), 'new');
      await writeManifest(tmp, [{ file: 'new.docx', count: 1 }], new Date('2026-12-01T00:00:00Z'));
    });
    expect(readdirSync(target).sort()).toEqual([MANIFEST, 'new.docx']);
    expect(readdirSync(d)).toEqual(['materials']);
    const m = JSON.parse(readFileSync(join(target, MANIFEST), 'utf8'));
    expect(m.complete).toBe(true);
    expect(m.files[0]).toMatchObject({ file: 'new.docx', bytes: 3, count: 1 });
    expect(m.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
