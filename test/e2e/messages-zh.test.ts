import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Chinese is the default language: a compliance officer who mistypes a file name or a field must
 * read Chinese, not an English sentence that leaked from a literal, zod, commander or Node.
 * Values the user typed (file names, ids, flags) may be ASCII; a run of three or more English words
 * outside quotes, command lines and usage placeholders is a leak.
 */
const ENGLISH_RUN = /\b[A-Za-z]{2,}(?:[ ;:]+[A-Za-z]{2,}){2,}\b/;

/** the stderr without what is the user's own (quoted values, paths, flags, the error code) */
function withoutUserValues(stderr: string, cwd: string): string {
  return stderr
    .split(cwd)
    .join('')
    .replace(/“[^”]*”|"[^"]*"|'[^']*'/g, '')
    .replace(/\[[^\]\n]*\]|<[^>\n]*>/g, '')
    .replace(/\b(?:beian|apt-get)(?: [a-z][\w-]*)*/g, '')
    .replace(/(?:^|\s)--?[\w-]+/g, ' ')
    .replace(/\S+\.(?:yaml|json|jsonl|csv|txt|png|sqlite)\b/g, '');
}

let cwd = '';
beforeAll(() => {
  cwd = mkdtempSync(join(tmpdir(), 'beian-zh-'));
  writeFileSync(join(cwd, 'typo.yaml'), 'version: 1\nservices:\n  - id: a\n    name: A\n    answrs: {}\n');
  writeFileSync(join(cwd, 'broken.yaml'), 'services:\n  - id: a\n   name: b\n');
  writeFileSync(join(cwd, 'log.csv'), 'user,price\n1,abc\n');
  writeFileSync(join(cwd, 'profiles.jsonl'), '{"a": 1\n[1]\n');
  writeFileSync(join(cwd, 'words.json'), '{"a": 1}');
});

const CASES: readonly (readonly string[])[] = [
  ['assess', '--input', 'missing.yaml'],
  ['assess', '--input', 'typo.yaml', '--no-save'],
  ['assess', '--input', 'broken.yaml', '--no-save'],
  ['scan', 'missing.txt'],
  ['kb', 'show', 'nope'],
  ['deadlines', '--today', 'soon'],
  ['registry', 'show', 'nope'],
  ['registry', 'evidence', '00'],
  ['audit', 'price', 'log.csv', '--item', 'sku', '--price', 'price', '--group', 'user'],
  ['audit', 'price', 'log.csv', '--item', 'user', '--price', 'price', '--group', 'user', '--window', '1h'],
  ['audit', 'disparity', 'log.csv', '--group', 'user'],
  ['audit', 'optout', '--profiles', 'profiles.jsonl', '--endpoint', 'http://127.0.0.1:9/x'],
  ['sources', 'check', '--ledger', 'missing.yaml'],
  ['sources', 'import', 'broken.yaml'],
  ['materials', '--config', 'missing.yaml', '--out', 'o'],
  ['materials', '--config', 'typo.yaml', '--out', 'o'],
  ['materials', 'frobnicate'],
  ['pii', 'missing-dir'],
  ['lexicon', 'stats', '--lexicon', 'missing.csv'],
  ['lexicon', 'stats', '--lexicon', 'words.json'],
  ['init', '--from-assess', 'missing.yaml'],
  ['serve', '--host', '0.0.0.0'],
  ['--bogus'],
];

describe('bad input in Chinese mode (built CLI)', () => {
  for (const args of CASES) {
    it(`beian ${args.join(' ')}: says what is wrong in Chinese, with no English sentence`, () => {
      const r = runCli(args, { cwd, env: { BEIAN_DB: join(cwd, 'beian.db') } });
      expect(r.code, r.stderr).not.toBe(0);
      expect(r.code, r.stderr).not.toBe(70);
      expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
      expect(withoutUserValues(r.stderr, cwd)).not.toMatch(ENGLISH_RUN);
    });
  }

  it('the same mistakes read in English with --lang en (the check above can fail)', () => {
    const r = runCli(['--lang', 'en', 'assess', '--input', 'missing.yaml'], { cwd });
    expect(withoutUserValues(r.stderr, cwd)).toMatch(ENGLISH_RUN);
  });
});
