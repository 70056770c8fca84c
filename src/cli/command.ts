import type { Command } from 'commander';
import type { MessageKey } from '../i18n/index.js';
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

/** A sub-command module of a group (`commands/<group>/<sub>.ts`): adds itself to the group. */
export type RegisterSub = (group: Command, run: RunAction, ctx: CliContext) => unknown;

/** A reporting sub-command with its description and its after-help text from the catalogue. */
export function subcommand(
  group: Command,
  spec: string,
  ctx: Pick<CliContext, 't'>,
  text: { description: MessageKey; help: MessageKey },
): Command {
  return jsonOption(
    group.command(spec).description(ctx.t(text.description)).addHelpText('after', ctx.t(text.help)),
    ctx,
  );
}

/** A command group (`beian audit …`, `beian redteam …`): one module per sub-command. */
export function group(
  program: Command,
  run: RunAction,
  ctx: CliContext,
  spec: { name: string; description: MessageKey; subs: readonly RegisterSub[] },
): Command {
  const g = program.command(spec.name).description(ctx.t(spec.description));
  for (const sub of spec.subs) sub(g, run, ctx);
  return g;
}
