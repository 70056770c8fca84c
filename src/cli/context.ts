import type { Lang, Translate } from '../i18n/index.js';
import type { Store } from '../store/index.js';

/**
 * What every command receives: explicit dependencies, no ambient state. Tests build one with
 * captured output; the real one is made in index.ts from process globals.
 */
export interface CliContext {
  readonly lang: Lang;
  readonly t: Translate;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** true when stderr is a terminal: progress bars and colours only then. */
  readonly interactive: boolean;
  readonly now: () => Date;
  /** The database URL after `--db`, BEIAN_DB and the default are applied. */
  readonly dbUrl: string;
  /** Opens the store; callers close it. */
  readonly openStore: () => Promise<Store>;
}

/** A command's action result: the process exit code (see exit-codes.ts). */
export type ExitCode = number;
