import { describe, expect, it } from 'vitest';
import { BeianError } from '../errors.js';
import { MAX_YAML_CHARS, readYamlText } from './yaml-text.js';

function failure(text: string): BeianError {
  try {
    readYamlText(text, 'beian.yaml');
  } catch (e) {
    if (e instanceof BeianError) return e;
    throw e;
  }
  throw new Error('expected a BeianError');
}

describe('readYamlText refuses hostile YAML as bad input', () => {
  it('a "billion laughs" alias bomb', () => {
    let text = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i <= 9; i++)
      text += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const e = failure(text);
    expect(e.code).toBe('INPUT_INVALID');
    expect(e.issues?.[0]?.file).toBe('beian.yaml');
  });

  it('an alias whose anchor is missing', () => {
    expect(failure('services: *nowhere\n').issues?.[0]?.message).toMatch(/alias/i);
  });

  it('a document past the size bound, before parsing it', () => {
    expect(failure(`x: "${'a'.repeat(MAX_YAML_CHARS)}"`).code).toBe('INPUT_INVALID');
  });

  it('still reads ordinary anchors and aliases', () => {
    const y = readYamlText('base: &b {a: 1}\nother: *b\n', 'beian.yaml');
    expect(y.value).toEqual({ base: { a: 1 }, other: { a: 1 } });
  });
});
