/** What the repository's own lint scripts share: the source walk and the count-only-falls allow lists. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;

export const isSource = (p) => p.endsWith('.ts') && !p.endsWith('.test.ts');

/** Every file under `dir` that `pred` keeps, depth first. */
export function* files(dir, pred = isSource) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p, pred);
    else if (pred(p)) yield p;
  }
}

/** `path count` lines of an allow list (relative to the repository; `#` comments). */
export function readAllowList(relPath) {
  return new Map(
    readFileSync(join(ROOT, relPath), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => {
        const [file, n] = l.split(/\s+/);
        return [file, Number(n)];
      }),
  );
}
