import type { Command } from 'commander';
import type { MessageKey } from '../../i18n/index.js';
import type { CliContext } from '../context.js';

/** Each model endpoint a command can talk to: its flag prefix and the help of its three flags. */
const ENDPOINTS = {
  target: ['', 'redteam.opt.baseUrl', 'redteam.opt.model', 'redteam.opt.apiKeyEnv'],
  judge: ['judge-', 'redteam.opt.judgeBaseUrl', 'redteam.opt.judgeModel', 'redteam.opt.judgeApiKeyEnv'],
  guard: ['guard-', 'redteam.opt.guardBaseUrl', 'redteam.opt.guardModel', 'redteam.opt.guardApiKeyEnv'],
  attacker: [
    'attacker-',
    'redteam.opt.attackerBaseUrl',
    'redteam.opt.attackerModel',
    'redteam.opt.attackerApiKeyEnv',
  ],
} as const satisfies Record<string, readonly [string, MessageKey, MessageKey, MessageKey]>;

/**
 * `--<role>-base-url`, `--<role>-model` and `--<role>-api-key-env` (the target's have no prefix);
 * with `required`, the URL and the model must be given.
 */
export function endpointOptions(
  cmd: Command,
  ctx: Pick<CliContext, 't'>,
  role: keyof typeof ENDPOINTS,
  required = false,
): Command {
  const [prefix, url, model, keyEnv] = ENDPOINTS[role];
  const add = (flags: string, help: string) =>
    required ? cmd.requiredOption(flags, help) : cmd.option(flags, help);
  add(`--${prefix}base-url <url>`, ctx.t(url));
  add(`--${prefix}model <name>`, ctx.t(model));
  return cmd.option(`--${prefix}api-key-env <NAME>`, ctx.t(keyEnv));
}
