import type { MessageKey, MessageParams, Translate } from '../i18n/index.js';

/**
 * Commander writes its own English errors ("error: unknown option '--x'"). They pass through here
 * on their way out, so a Chinese user reads them in Chinese; the English catalogue keeps
 * commander's own wording. Unknown shapes fall back to the original line.
 */
const PATTERNS: Array<[RegExp, MessageKey, (m: RegExpMatchArray, t: Translate) => MessageParams]> = [
  [/^error: unknown option '([^']+)'/, 'commander.unknownOption', (m) => ({ option: m[1] ?? '' })],
  [/^error: unknown command '([^']+)'/, 'commander.unknownCommand', (m) => ({ command: m[1] ?? '' })],
  [
    /^error: missing required argument '([^']+)'/,
    'commander.missingArgument',
    (m) => ({ argument: m[1] ?? '' }),
  ],
  [
    /^error: required option '([^']+)' not specified/,
    'commander.missingMandatoryOptionValue',
    (m) => ({ option: m[1] ?? '' }),
  ],
  [
    /^error: option '([^']+)' argument missing/,
    'commander.optionMissingArgument',
    (m) => ({ option: m[1] ?? '' }),
  ],
  [
    /^error: option '([^']+)' argument '([^']*)' is invalid\.\s*(.*)$/,
    'commander.invalidArgument',
    (m, t) => ({ option: m[1] ?? '', value: m[2] ?? '', detail: translateChoices(m[3] ?? '', t) }),
  ],
  [/^error: too many arguments(.*)$/, 'commander.excessArguments', (m) => ({ detail: (m[1] ?? '').trim() })],
  [/^\(Did you mean (.+)\?\)$/, 'commander.didYouMean', (m) => ({ suggestion: m[1] ?? '' })],
];

function translateChoices(detail: string, t: Translate): string {
  const m = /^Allowed choices are (.*)\.$/.exec(detail);
  return m ? t('commander.choices', { choices: m[1] ?? '', message: detail }) : detail;
}

export function translateCommanderError(text: string, t: Translate): string {
  return text
    .split('\n')
    .map((line) => {
      for (const [re, key, params] of PATTERNS) {
        const m = line.match(re);
        if (m) return t(key, { ...params(m, t), message: line });
      }
      return line;
    })
    .join('\n');
}
