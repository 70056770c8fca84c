import { appendFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KB_DIR, kbSnapshot, loadKb } from './load.js';
import { snapshotKb } from './snapshot.js';

describe('snapshotKb (the scan path: no zod, no YAML)', () => {
  it('is the validated KB while the snapshot matches its sources, and nothing once they change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-kb-snap-'));
    const kbDir = join(dir, 'kb');
    cpSync(DEFAULT_KB_DIR, kbDir, { recursive: true });
    const snapshot = join(dir, 'kb-snapshot.json');
    writeFileSync(snapshot, kbSnapshot(kbDir));
    expect(snapshotKb(kbDir, snapshot)).toEqual(loadKb(kbDir, { snapshot: false }));
    appendFileSync(join(kbDir, 'thresholds.yaml'), '\n# edited\n');
    expect(snapshotKb(kbDir, snapshot)).toBeUndefined();
    expect(snapshotKb(join(dir, 'missing'), snapshot)).toBeUndefined();
    expect(snapshotKb(kbDir, join(dir, 'no-snapshot.json'))).toBeUndefined();
  });
});
