import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/helpers/scratch.js';
import { compileLexicon } from '../lexicon/matcher.js';
import { serializeMatcher } from '../lexicon/serialize.js';
import { likelySegments } from './scan-start.js';

const { dir, put } = scratchDir('beian-scan-app-');

describe('likelySegments (jieba loaded ahead by the scan threads)', () => {
  it('says yes for the default library, naughty-words and large libraries, no for small lists', async () => {
    const small = put('small.txt', '赌博网站\n出售枪支\n');
    const large = put('large.txt', `${Array.from({ length: 6000 }, (_, i) => `关键词${i}`).join('\n')}\n`);
    expect(await likelySegments({})).toBe(true);
    expect(await likelySegments({ files: [small], naughtyWords: true })).toBe(true);
    expect(await likelySegments({ files: [small] })).toBe(false);
    expect(await likelySegments({ files: [small, large] })).toBe(true);
    expect(await likelySegments({ files: [dir] })).toBe(true); // a folder layout
    expect(await likelySegments({ files: [`${dir}/missing.txt`] })).toBe(false);
  });

  it("reads a compiled library's keyword count from its header, not its size", async () => {
    const compiled = (n: number, stored?: number) =>
      serializeMatcher(
        compileLexicon(
          Array.from({ length: n }, (_, i) => ({
            keyword: `关键词${i}`,
            category: 'A.1.6',
            severity: 2 as const,
          })),
        ),
        stored === undefined ? {} : { library: { version: 'lx-0', keywords: stored } },
      );
    const one = put('one.beianlx', '');
    const many = put('many.beianlx', '');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(one, compiled(1, 1));
    writeFileSync(many, compiled(4500));
    expect((await import('node:fs')).statSync(one).size).toBeGreaterThan(64 * 1024);
    expect(await likelySegments({ files: [one] })).toBe(false);
    expect(await likelySegments({ files: [many] })).toBe(true);
    // the count the compiling command stored wins over the entries
    writeFileSync(many, compiled(4500, 10));
    expect(await likelySegments({ files: [many] })).toBe(false);
  });
});
