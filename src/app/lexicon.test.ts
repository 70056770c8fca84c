import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKb } from '../kb/index.js';
import { countedMatcher, libraryVersion } from '../lexicon/index.js';
import { serializeMatcher } from '../lexicon/serialize.js';
import { loadLexicon, writeCompiledDefault } from './lexicon.js';

describe('the build-compiled default library', () => {
  it('loads to what compiling the CSVs gives: entries, version, reports and matches', async () => {
    const kb = loadKb();
    const file = join(mkdtempSync(join(tmpdir(), 'beian-default-lx-')), 'default.beianlx');
    await writeCompiledDefault(kb, file);
    const fromSource = await loadLexicon(kb, {}, { compiledDefault: false });
    const compiled = await loadLexicon(kb, {}, { compiledDefault: file });
    expect(compiled.compiled).toBeDefined();
    expect(fromSource.compiled).toBeUndefined();
    expect(compiled.entries).toStrictEqual(fromSource.entries);
    expect(compiled.entries.some((e) => e.context?.length)).toBe(true);
    expect(compiled.version).toBe(fromSource.version);
    expect(compiled.libraries).toEqual(fromSource.libraries);
    expect(compiled.duplicates).toEqual(fromSource.duplicates);
    expect(compiled.warnings).toEqual(fromSource.warnings);
    expect(compiled.matcher.patterns).toEqual(fromSource.matcher.patterns);
    // our own text, keywords of the library in plain, traditional, spaced and context-bound forms
    const text = '网上有人推翻政府的言论，也有赌博网站、賭博網站和 赌 博 的广告；我们推翻了旧方案。';
    const a = countedMatcher(fromSource.matcher, fromSource.rules);
    const b = countedMatcher(compiled.matcher, compiled.rules);
    expect(b(text)).toEqual(a(text));
    // a selection other than the default, or changed sources, never uses it
    const other = await loadLexicon(kb, { naughtyWords: true }, { compiledDefault: file });
    expect(other.compiled).toBeUndefined();
    const side = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as { hash: string };
    writeFileSync(`${file}.json`, JSON.stringify({ ...side, hash: 'stale' }));
    expect((await loadLexicon(kb, {}, { compiledDefault: file })).compiled).toBeUndefined();
  }, 120_000);
});

describe('a compiled text library (lexicon compile)', () => {
  it('loads with the version and count it was compiled with, and the same entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beian-compiled-lx-'));
    const src = join(dir, 'mine.txt');
    writeFileSync(src, '#! category=A.1.6 severity=3\n色情网站\n赌博\n法轮功\n');
    const kb = loadKb();
    const lex = await loadLexicon(kb, { files: [src] });
    const file = join(dir, 'mine.beianlx');
    writeFileSync(
      file,
      serializeMatcher(lex.matcher, { library: { version: lex.version, keywords: lex.keywords } }),
    );
    const back = await loadLexicon(kb, { files: [file] });
    expect(back.version).toBe(lex.version);
    expect(back.keywords).toBe(3);
    expect(back.entries).toStrictEqual(lex.entries);
    expect(back.version).toBe(libraryVersion(back.entries));
  });
});
