import type { Register } from '../command.js';
import { registerBank } from './redteam/bank.js';
import { registerReport } from './redteam/report.js';
import { registerReview } from './redteam/review.js';
import { registerRun } from './redteam/run.js';
import { registerRuns } from './redteam/runs.js';

/** `beian redteam …`: one file per sub-command under redteam/. */
export const register: Register = (program, run, ctx) => {
  const rt = program.command('redteam').description(ctx.t('redteam.description'));
  registerRun(rt, run, ctx);
  registerReport(rt, run, ctx);
  registerRuns(rt, run, ctx);
  registerReview(rt, run, ctx);
  registerBank(rt, run, ctx);
};
