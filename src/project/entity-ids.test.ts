import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BeianError } from '../errors.js';
import { USCC_CHARS, usccCheckChar } from '../pii/checksums.js';
import { parseProject } from './parse.js';

const file = (uscc: string) => `version: 1
organisation:
  name: 示例外卖科技有限公司
  uscc: "${uscc}"
services:
  - { id: a, name: A, answers: {} }
`;

function issues(text: string): readonly { path?: string | undefined; message: string }[] {
  try {
    parseProject(text, 'beian.yaml');
    return [];
  } catch (e) {
    return (e as BeianError).issues ?? [{ message: String(e) }];
  }
}

describe('entity identifiers in beian.yaml (#19)', () => {
  it('rejects the issue’s invalid USCC naming the field and the expected check character', () => {
    const found = issues(file('91310115MA1K4ABC1X'));
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('organisation.uscc');
    expect(found[0]?.message).toMatch(/should be 8/);
  });
  it('accepts a valid one, in any case, and stores it upper-case', () => {
    expect(parseProject(file('91310115ma1k4abc18'), 'beian.yaml').organisation?.uscc).toBe(
      '91310115MA1K4ABC18',
    );
  });
  const body = fc
    .array(fc.constantFrom(...USCC_CHARS), { minLength: 17, maxLength: 17 })
    .map((cs) => cs.join(''));
  it('property: a code with its check character parses; any other last character does not', () => {
    fc.assert(
      fc.property(body, fc.constantFrom(...USCC_CHARS), (b, last) => {
        const good = `${b}${usccCheckChar(b)}`;
        expect(issues(file(good))).toEqual([]);
        if (last !== usccCheckChar(b)) expect(issues(file(`${b}${last}`))[0]?.path).toBe('organisation.uscc');
      }),
    );
  });
});
