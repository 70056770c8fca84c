import type { Command, Help, Option } from 'commander';
import type { Translate } from '../i18n/index.js';

/**
 * Commander writes its help frame in English ("Usage:", "Options:", "(default: …)", "display help
 * for command"); these put it in the user's language, so `--help` is as Chinese as the rest.
 */
export function localizeHelp(root: Command, t: Translate): void {
  const titles: Record<string, string> = {
    'Usage:': t('cli.help.usage'),
    'Options:': t('cli.help.options'),
    'Commands:': t('cli.help.commands'),
    'Arguments:': t('cli.help.arguments'),
    'Global Options:': t('cli.help.globalOptions'),
  };
  const walk = (cmd: Command) => {
    cmd.helpOption('-h, --help', t('cli.option.help'));
    if (cmd.commands.length) cmd.helpCommand('help [command]', t('cli.option.helpCommand'));
    cmd.configureHelp({
      styleTitle: (s: string) => titles[s] ?? s,
      optionDescription(this: Help, option: Option): string {
        const extra: string[] = [];
        if (option.argChoices)
          extra.push(
            t('cli.help.choices', { list: option.argChoices.map((c) => JSON.stringify(c)).join(', ') }),
          );
        const showDefault =
          option.defaultValue !== undefined &&
          (option.required ||
            option.optional ||
            (option.isBoolean() && typeof option.defaultValue === 'boolean'));
        if (showDefault)
          extra.push(
            t('cli.help.default', {
              value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue),
            }),
          );
        return extra.length ? `${option.description} (${extra.join(t('cli.help.sep'))})` : option.description;
      },
    });
    for (const sub of cmd.commands) walk(sub);
  };
  walk(root);
}
