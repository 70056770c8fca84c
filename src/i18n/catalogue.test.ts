import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en/index.js';
import { zh } from './zh/index.js';

/**
 * Each domain owns a namespace in the catalogue; when two files define the same key the later spread
 * silently wins and one command shows another's text. This keeps keys unique across files.
 */
describe('message catalogues', () => {
  for (const lang of ['zh', 'en']) {
    it(`${lang}: no key is defined by two domain files, and index.ts merges every file`, async () => {
      const dir = fileURLToPath(new URL(`./${lang}/`, import.meta.url));
      const owner = new Map<string, string>();
      const dups: string[] = [];
      let total = 0;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
        const mod = (await import(/* @vite-ignore */ new URL(file, `file://${dir}`).href)) as Record<
          string,
          Record<string, string>
        >;
        for (const table of Object.values(mod)) {
          for (const key of Object.keys(table)) {
            total++;
            const prior = owner.get(key);
            if (prior) dups.push(`${key} (${prior}, ${file})`);
            else owner.set(key, file);
          }
        }
      }
      expect(dups).toEqual([]);
      expect(Object.keys(lang === 'zh' ? zh : en).length).toBe(total);
    });
  }
});
