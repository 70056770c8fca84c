import { group, type Register } from '../command.js';
import { registerBank } from './redteam/bank.js';
import { registerReport } from './redteam/report.js';
import { registerReview } from './redteam/review.js';
import { registerRun } from './redteam/run.js';
import { registerRuns } from './redteam/runs.js';

/** `beian redteam …`: one file per sub-command under redteam/. */
export const register: Register = (program, run, ctx) => {
  group(program, run, ctx, {
    name: 'redteam',
    description: 'redteam.description',
    subs: [registerRun, registerReport, registerRuns, registerReview, registerBank],
  });
};
