import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** Issue #21: a materials folder says whether it is whole, and never keeps a previous run's leftovers. */
describe('beian materials writes a whole folder with a manifest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-manifest-'));
  const out = join(dir, 'out');
  const run = (formats: string) =>
    runCli([
      'materials',
      '--config',
      'examples/demo/beian.yaml',
      '--out',
      out,
      '--no-store',
      '--format',
      formats,
      '--json',
    ]);
  const manifest = () =>
    JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      complete: boolean;
      files: { file: string; bytes: number; sha256: string }[];
    };

  it('lists every document with its sha256, written last; no temporary file is left', () => {
    expect(run('md,html').code).toBe(0);
    const m = manifest();
    expect(m.complete).toBe(true);
    const onDisk = readdirSync(out)
      .filter((f) => f !== 'manifest.json')
      .sort();
    expect(m.files.map((f) => f.file).sort()).toEqual(onDisk);
    expect(onDisk.some((f) => f.endsWith('.tmp') || f.startsWith('.'))).toBe(false);
    for (const f of m.files)
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, f.file)))
          .digest('hex'),
      ).toBe(f.sha256);
  });

  it('a second run replaces the set: documents of the first run it did not make are gone', () => {
    expect(run('md').code).toBe(0);
    const files = readdirSync(out);
    expect(files.some((f) => f.endsWith('.html'))).toBe(false);
    expect(manifest().files.every((f) => f.file.endsWith('.md'))).toBe(true);
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
  });
});
