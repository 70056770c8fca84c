import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Every command a document template tells the filer to run (the 待补充 boxes) exists: a box that
 * names `beian fairness checklist` sends people to a command that was never there.
 */
const DIR = new URL('../../data/templates/', import.meta.url);
const mentions = new Set<string>();
for (const f of readdirSync(DIR).filter((n) => n.endsWith('.yaml')))
  for (const line of readFileSync(new URL(f, DIR), 'utf8').split('\n'))
    if (/^\s*todo\./.test(line))
      for (const m of line.matchAll(/\bbeian((?: [a-z][a-z-]*)+)/g)) mentions.add(m[1]!.trim());

describe('commands named in the document templates', () => {
  it('are found', () => {
    expect(mentions.size).toBeGreaterThan(5);
  });
  for (const words of mentions)
    it(`beian ${words}`, () => {
      const r = runCli([...words.split(' '), '--help']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.split('\n')[0]).toContain(`beian ${words}`);
    });
});
