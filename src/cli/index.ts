import { CommanderError } from 'commander';
import { formatIssue, isBeianError, localMessage } from '../errors.js';
import { isLang, type Lang, translator } from '../i18n/index.js';
import { resolveDbUrl } from '../store/url.js';
import type { CliContext, ExitCode } from './context.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { buildProgram } from './program.js';

export interface MainIo {
  out?: (text: string) => void;
  err?: (text: string) => void;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  interactive?: boolean;
  now?: () => Date;
}

/** `--lang` must be known before the help texts are built, so it is read ahead of commander. */
function langFrom(argv: readonly string[], env: NodeJS.ProcessEnv): Lang | string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') return argv[i + 1] ?? '';
    if (a?.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return env.BEIAN_LANG ?? 'zh';
}

function dbFrom(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') return argv[i + 1];
    if (a?.startsWith('--db=')) return a.slice('--db='.length);
  }
  return undefined;
}

/**
 * The CLI's single entry and single exit point: every error is caught here and mapped to an
 * exit code; user mistakes print a message naming the field, file or line, never a stack trace.
 */
/** Issues printed under an error before the rest are counted. */
const SHOWN_ISSUES = 50;

export async function main(argv: readonly string[], io: MainIo = {}): Promise<number> {
  const env = io.env ?? process.env;
  const out = io.out ?? ((s: string) => void process.stdout.write(s));
  const err = io.err ?? ((s: string) => void process.stderr.write(s));
  const requested = langFrom(argv, env);
  const lang: Lang = isLang(requested) ? requested : 'zh';
  const t = translator(lang);
  if (!isLang(requested)) {
    err(`${t('error.prefix')}: ${t('cli.unknownLang', { value: requested })}\n`);
    return EXIT.badInput;
  }
  const cwd = io.cwd ?? process.cwd();
  const dbUrl = resolveDbUrl(dbFrom(argv), env, cwd);
  const ctx: CliContext = {
    lang,
    t,
    cwd,
    env,
    out,
    err,
    interactive: io.interactive ?? Boolean(process.stderr.isTTY),
    now: io.now ?? (() => new Date()),
    dbUrl,
    // The store (kysely, better-sqlite3, pg) loads only for commands that use it.
    openStore: async () => (await import('../store/index.js')).openStore(dbUrl),
  };
  let exit: ExitCode = EXIT.ok;
  try {
    const program = await buildProgram(
      ctx,
      (code) => {
        exit = code;
      },
      argv,
    );
    await program.parseAsync([...argv], { from: 'user' });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (isBeianError(e)) {
      err(`${t('error.prefix')} [${e.code}]: ${localMessage(e, t)}\n`);
      // a terminal is not a report: the first issues, then how many more (the file names them all)
      for (const issue of e.issues.slice(0, SHOWN_ISSUES)) err(`  - ${formatIssue(issue, t)}\n`);
      if (e.issues.length > SHOWN_ISSUES)
        err(`  ${t('error.moreIssues', { n: e.issues.length - SHOWN_ISSUES })}\n`);
      if (env.BEIAN_DEBUG && e.stack) err(`${e.stack}\n`);
      return exitCodeFor[e.code];
    }
    const message = e instanceof Error ? e.message : String(e);
    err(`${t('error.internal', { message })}\n`);
    if (env.BEIAN_DEBUG && e instanceof Error && e.stack) err(`${e.stack}\n`);
    else err(`${t('error.debugHint')}\n`);
    return EXIT.internal;
  }
}
