import { group, type Register } from '../command.js';
import { registerChecklist } from './audit/checklist.js';
import { registerDisparity } from './audit/disparity.js';
import { registerOptout } from './audit/optout.js';
import { registerPrice } from './audit/price.js';

/** `beian audit …`: one file per sub-command under audit/. */
export const register: Register = (program, run, ctx) => {
  const audit = group(program, run, ctx, {
    name: 'audit',
    description: 'audit.description',
    subs: [registerPrice, registerDisparity, registerChecklist, registerOptout],
  });
  for (const sub of audit.commands) sub.summary(sub.description().split('\n')[0] ?? '');
};
