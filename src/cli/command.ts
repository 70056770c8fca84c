import type { Command } from 'commander';
import type { CliContext, ExitCode } from './context.js';

/** A command module registers its sub-command(s); heavy code is imported lazily inside actions. */
export type Register = (program: Command, run: RunAction, ctx: CliContext) => void;

/** Wraps an action so it receives the context and its return value becomes the exit code. */
export type RunAction = <A extends unknown[]>(
  fn: (ctx: CliContext, ...args: A) => Promise<ExitCode | undefined> | ExitCode | undefined,
) => (...args: A) => Promise<void>;

/** Adds the `--json` flag that every reporting command carries. */
export function jsonOption(cmd: Command, ctx: Pick<CliContext, 't'>): Command {
  return cmd.option('--json', ctx.t('cli.option.json'));
}
