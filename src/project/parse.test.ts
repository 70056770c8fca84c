import { describe, expect, it } from 'vitest';
import { BeianError } from '../errors.js';
import { parseProject } from './parse.js';

function issuesOf(text: string) {
  try {
    parseProject(text, 'beian.yaml');
  } catch (e) {
    if (e instanceof BeianError) return e.issues;
    throw e;
  }
  throw new Error('expected the project to be rejected');
}

describe('parseProject locations', () => {
  const text = [
    'version: 1',
    'services:',
    '  - id: feed',
    '    name: 信息流',
    '    answers:',
    '      publicMainland: true',
    '      fuctions: [recommend]',
    '      personalInfo:',
    '        processed: true',
    '        exportAbroad: false',
    '    colour: blue',
  ].join('\n');

  it('reports an unknown key at its own line and column, with the key it was meant to be', () => {
    const issues = issuesOf(text);
    expect(issues).toContainEqual({
      file: 'beian.yaml',
      line: 7,
      column: 7,
      path: 'services[0].answers.fuctions',
      message: 'unknown key "fuctions"; did you mean "functions"?',
      key: 'zod.unknown_key_suggest',
      params: { key: 'fuctions', suggestion: 'functions' },
    });
    expect(issues).toContainEqual(
      expect.objectContaining({ line: 10, column: 9, path: 'services[0].answers.personalInfo.exportAbroad' }),
    );
    expect(issues.find((i) => i.message.includes('exportAbroad'))?.message).toContain('exportsAbroad');
    // no suggestion for a word that is not a typo of any allowed key
    expect(issues).toContainEqual(
      expect.objectContaining({ line: 11, column: 5, message: 'unknown key "colour"' }),
    );
  });

  it('locates a wrong value at the value', () => {
    const issues = issuesOf(
      'version: 1\nservices:\n  - id: feed\n    name: x\n    answers: { publicMainland: "yes" }\n',
    );
    expect(issues).toEqual([
      expect.objectContaining({ line: 5, column: 32, path: 'services[0].answers.publicMainland' }),
    ]);
  });
});
