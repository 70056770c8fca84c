import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from './en/index.js';
import { translator } from './index.js';
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

/** `{name}` placeholders of a text; `{message}` is the library's own English wording (zod, Node…). */
const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))]
    .filter((n) => n !== 'message')
    .sort()
    .join(',');

describe('zh and en catalogues', () => {
  it('hold the same keys, each with the same placeholders (a text that is only {message} passes a library text through)', () => {
    const zhTable: Record<string, string> = zh;
    const enTable: Record<string, string> = en;
    expect(Object.keys(enTable).sort()).toEqual(Object.keys(zhTable).sort());
    const differ = Object.keys(zhTable).filter((key) => {
      const [z, e] = [zhTable[key] ?? '', enTable[key] ?? ''];
      if (z === '{message}' || e === '{message}') return false;
      return placeholders(z) !== placeholders(e);
    });
    expect(differ).toEqual([]);
  });

  it('fills a message inside a message in the same language', () => {
    const ref = { key: 'os.ENOENT' as const, params: { message: "ENOENT: no such file, open 'a.yaml'" } };
    expect(translator('zh')('file.cannotRead', { file: 'a.yaml', reason: ref })).toBe(
      '无法读取 a.yaml：文件或目录不存在',
    );
    expect(translator('en')('file.cannotRead', { file: 'a.yaml', reason: ref })).toBe(
      "Cannot read a.yaml: ENOENT: no such file, open 'a.yaml'",
    );
  });
});
