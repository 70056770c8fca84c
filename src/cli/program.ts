import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { Register, RunAction } from './command.js';
import { translateCommanderError } from './commander-errors.js';
import type { CliContext, ExitCode } from './context.js';
import { localizeHelp } from './help.js';

/**
 * The command table. One line per command; each module is small (flags and help only) and
 * imports its use case when it runs, so `beian --help` stays fast.
 */
const commands: Array<() => Promise<{ register: Register }>> = [
  () => import('./commands/kb.js'),
  () => import('./commands/lexicon.js'),
  () => import('./commands/scan.js'),
  () => import('./commands/init.js'),
  () => import('./commands/assess.js'),
  () => import('./commands/demo.js'),
  () => import('./commands/materials.js'),
  () => import('./commands/audit.js'),
  () => import('./commands/registry.js'),
  () => import('./commands/deadlines.js'),
  () => import('./commands/audit-log.js'),
  () => import('./commands/serve.js'),
  () => import('./commands/pii.js'),
  () => import('./commands/sources.js'),
  () => import('./commands/redteam.js'),
  () => import('./commands/guard.js'),
  () => import('./commands/label.js'),
  () => import('./commands/worker.js'),
];

/** The package's own version (package.json sits two levels above both src/cli and dist/cli). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export async function buildProgram(ctx: CliContext, setExit: (code: ExitCode) => void): Promise<Command> {
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
  for (const load of commands) (await load()).register(program, run, ctx);
  for (const sub of program.commands) sub.exitOverride().configureOutput(output);
  localizeHelp(program, t);
  return program;
}
