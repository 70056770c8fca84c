import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, LOOK_ALIKES } from './detectors/examples.test-data.js';
import { loadPiiDictionaries } from './load.js';
import { profileText } from './profile.js';
import { createDetectors } from './registry.js';
import { PII_TYPES } from './types.js';

// A detector's `applies` is a prefilter: it may only skip texts the detector finds nothing in.
const registry = createDetectors(loadPiiDictionaries());
const pieces = [
  ...PII_TYPES.flatMap((t) => [
    ...EXAMPLES[t].positives,
    ...(EXAMPLES[t].contexts ?? []),
    ...EXAMPLES[t].negatives,
  ]),
  ...LOOK_ALIKES,
  '+86',
  '+86 10 6512 3456',
  '(010)65123456',
  '0.5',
  'E12345678',
  'C12345678',
  'H1234567890',
  '电话',
  '护照号',
  '，',
  ' ',
  '-',
  'a',
  'Z',
  '0',
  '张伟',
  '北京市朝阳区建国路88号',
];

describe('text profiles', () => {
  it('never rule out a text in which the detector finds something', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.join('');
        const profile = profileText(text);
        for (const t of PII_TYPES) {
          const d = registry[t];
          if (d.applies && !d.applies(profile)) expect([t, d.detect(text)]).toEqual([t, []]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
