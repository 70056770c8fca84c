import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { Register, RunAction } from './command.js';
import { commandNameOf } from './command-name.js';
import { translateCommanderError } from './commander-errors.js';
import type { CliContext, ExitCode } from './context.js';
import { localizeHelp } from './help.js';

/**
 * The command table: each module with the top-level command names it registers. Each module is
 * small (flags and help only) and imports its use case when it runs, so `beian --help` stays fast;
 * a run of one named command loads only that command's module (`program.test.ts` checks the names).
 */
export const commandTable: ReadonlyArray<{
  names: readonly string[];
  load: () => Promise<{ register: Register }>;
}> = [
  { names: ['kb'], load: () => import('./commands/kb.js') },
  { names: ['lexicon'], load: () => import('./commands/lexicon.js') },
  { names: ['scan'], load: () => import('./commands/scan.js') },
  { names: ['init'], load: () => import('./commands/init.js') },
  { names: ['assess'], load: () => import('./commands/assess.js') },
  { names: ['demo'], load: () => import('./commands/demo.js') },
  { names: ['materials'], load: () => import('./commands/materials.js') },
  { names: ['audit'], load: () => import('./commands/audit.js') },
  { names: ['registry'], load: () => import('./commands/registry.js') },
  { names: ['deadlines'], load: () => import('./commands/deadlines.js') },
  { names: ['audit-log'], load: () => import('./commands/audit-log.js') },
  { names: ['serve'], load: () => import('./commands/serve.js') },
  { names: ['pii', 'pii-train'], load: () => import('./commands/pii.js') },
  { names: ['sources'], load: () => import('./commands/sources.js') },
  { names: ['redteam'], load: () => import('./commands/redteam.js') },
  { names: ['guard'], load: () => import('./commands/guard.js') },
  { names: ['label'], load: () => import('./commands/label.js') },
  { names: ['worker'], load: () => import('./commands/worker.js') },
];

/**
 * The modules to load for argv: only the named command's when argv names a known command, else
 * all of them (root help, `help <cmd>`, an unknown name that commander must suggest a fix for).
 */
export function modulesFor(argv: readonly string[]): typeof commandTable {
  const name = commandNameOf(argv);
  const hit = name === undefined ? undefined : commandTable.find((m) => m.names.includes(name));
  return hit ? [hit] : commandTable;
}

/** The package's own version (package.json sits two levels above both src/cli and dist/cli). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export async function buildProgram(
  ctx: CliContext,
  setExit: (code: ExitCode) => void,
  argv?: readonly string[],
): Promise<Command> {
  const { t } = ctx;
  const output = {
    writeOut: (s: string) => ctx.out(s),
    writeErr: (s: string) => ctx.err(s),
    outputError: (s: string, write: (s: string) => void) => write(translateCommanderError(s, t)),
  };
  const program = new Command('beian')
    .description(t('cli.description'))
    .version(packageVersion(), '-V, --version', t('cli.option.version'))
    .addOption(new Option('--lang <lang>', t('cli.option.lang')).choices(['zh', 'en']).default('zh'))
    .addOption(new Option('--db <url>', t('cli.option.db')))
    .showHelpAfterError()
    .configureOutput(output)
    .exitOverride();

  const run: RunAction =
    (fn) =>
    async (...args) => {
      const code = await fn(ctx, ...args);
      setExit(code ?? 0);
    };
  const modules = argv ? modulesFor(argv) : commandTable;
  for (const { load } of modules) (await load()).register(program, run, ctx);
  for (const sub of program.commands) sub.exitOverride().configureOutput(output);
  localizeHelp(program, t);
  return program;
}
