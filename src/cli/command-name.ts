/** The program's own options that take a value, skipped when looking for the command's name. */
const VALUE_OPTIONS = new Set(['--lang', '--db']);

/**
 * The command argv names, past the program's own options (`--lang en`, `--db=x`); undefined when
 * another option comes first (-h, -V, an unknown one) or there is none. Imported by bin/beian.js
 * before anything else, so it imports nothing.
 */
export function commandNameOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (VALUE_OPTIONS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) {
      if (a.startsWith('--lang=') || a.startsWith('--db=')) continue;
      return undefined;
    }
    return a;
  }
  return undefined;
}
