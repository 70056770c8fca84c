import type { CliContext } from './context.js';

export interface ProgressUpdate {
  done: number;
  total?: number;
  /** extra fields shown after the counts, e.g. `MB/s 120` or `errors 3` */
  detail?: string;
}

export interface Progress {
  update(state: ProgressUpdate): void;
  finish(): void;
}

const BAR_WIDTH = 24;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/**
 * A progress bar on stderr (done/total, rate, ETA), redrawn at most every 100 ms; silent when stderr
 * is not a terminal or when JSON output was asked for, so pipes and CI logs stay clean.
 * The core never draws: it reports progress through callbacks that a command wires to this.
 */
export function createProgress(ctx: CliContext, label: string, options: { json?: boolean } = {}): Progress {
  if (!ctx.interactive || options.json) return { update: () => {}, finish: () => {} };
  const started = ctx.now().getTime();
  let last = 0;
  let drawn = false;
  const draw = (state: ProgressUpdate, force: boolean) => {
    const now = ctx.now().getTime();
    if (!force && now - last < 100) return;
    last = now;
    const elapsed = Math.max((now - started) / 1000, 1e-3);
    const rate = state.done / elapsed;
    let text = `${label} ${state.done}`;
    if (state.total !== undefined && state.total > 0) {
      const ratio = Math.min(state.done / state.total, 1);
      const filled = Math.round(ratio * BAR_WIDTH);
      const eta = rate > 0 ? (state.total - state.done) / rate : Number.NaN;
      text = `${label} [${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${state.done}/${state.total} ${(ratio * 100).toFixed(1)}% · ${rate.toFixed(1)}/s · ETA ${formatDuration(eta)}`;
    } else {
      text += ` · ${rate.toFixed(1)}/s · ${formatDuration(elapsed)}`;
    }
    if (state.detail) text += ` · ${state.detail}`;
    ctx.err(`\r\x1b[2K${text}`);
    drawn = true;
  };
  let latest: ProgressUpdate = { done: 0 };
  return {
    update(state) {
      latest = state;
      draw(state, false);
    },
    finish() {
      if (drawn) {
        draw(latest, true);
        ctx.err('\n');
      }
    },
  };
}
