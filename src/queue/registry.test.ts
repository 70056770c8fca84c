import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BeianError } from '../errors.js';
import { defineJob, jobRegistry, resolveJob } from './registry.js';

const echo = defineJob({ kind: 'echo', payload: z.object({ n: z.number() }), run: async (p) => p.n });

describe('job registry', () => {
  it('dispatches on kind and validates the payload', () => {
    const reg = jobRegistry([echo]);
    expect(resolveJob(reg, 'echo', { n: 2 }).payload).toEqual({ n: 2 });
    expect(() => resolveJob(reg, 'nope', {})).toThrow(BeianError);
    expect(() => resolveJob(reg, 'echo', { n: 'x' })).toThrow(/n: /);
  });
  it('refuses a kind registered twice', () => {
    expect(() => jobRegistry([echo, echo])).toThrow(/twice/);
  });
});
