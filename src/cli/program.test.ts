import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/index.js';
import type { RunAction } from './command.js';
import type { CliContext } from './context.js';
import { commandTable, modulesFor } from './program.js';

const ctx: CliContext = {
  lang: 'zh',
  t: translator('zh'),
  cwd: '/tmp',
  env: {},
  out: () => undefined,
  err: () => undefined,
  interactive: false,
  now: () => new Date(0),
  dbUrl: ':memory:',
  openStore: () => Promise.reject(new Error('not in this test')),
};
const run: RunAction = () => async () => undefined;

describe('command table', () => {
  it('lists exactly the top-level commands each module registers', async () => {
    for (const entry of commandTable) {
      const program = new Command('beian');
      (await entry.load()).register(program, run, ctx);
      expect(program.commands.map((c) => c.name()).sort()).toEqual([...entry.names].sort());
    }
  });

  it('loads only the named command, past the global options', () => {
    const names = (argv: string[]) => modulesFor(argv).flatMap((m) => m.names);
    expect(names(['redteam', 'run', '--bank', 'x'])).toEqual(['redteam']);
    expect(names(['--lang', 'en', '--db', 'a.db', 'pii-train', 'x'])).toEqual(['pii', 'pii-train']);
    expect(names(['--lang=en', 'kb', 'list'])).toEqual(['kb']);
  });

  it('loads every command for help, options first and unknown names', () => {
    const all = commandTable.length;
    for (const argv of [[], ['--help'], ['-V'], ['help', 'redteam'], ['redtaem', 'run'], ['--db']])
      expect(modulesFor(argv)).toHaveLength(all);
  });
});
