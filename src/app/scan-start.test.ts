import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/helpers/scratch.js';
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
});
