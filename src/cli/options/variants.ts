import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** `--variants` / `--strategies <list>`: the robustness variants to generate, listed in the help. */
export function variantsOption(
  cmd: Command,
  ctx: Pick<CliContext, 't'>,
  flags: '--variants <list>' | '--strategies <list>',
  defaultValue?: string,
): Command {
  const help = ctx.t('redteam.opt.variants', {
    list: 'roleplay,hypothetical,ignore-previous,developer-mode,base64,pinyin,homophone,split,fullwidth,traditional,multi-turn',
  });
  return defaultValue === undefined ? cmd.option(flags, help) : cmd.option(flags, help, defaultValue);
}
