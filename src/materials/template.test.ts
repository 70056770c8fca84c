import { describe, expect, it } from 'vitest';
import { BeianError, formatIssue } from '../errors.js';
import { translator } from '../i18n/index.js';
import { loadKb } from '../kb/index.js';
import { loadTemplates } from './load-templates.js';
import { templateFor } from './template.js';

describe('a template asked for what it lacks', () => {
  const tpl = templateFor(loadTemplates(), 'algorithm-basic-info', 'zh', loadKb());

  it.each([
    ['label', () => tpl.l('no-such-label'), 'labels.no-such-label', 'materials.template.noLabel'],
    [
      'section',
      () => tpl.sec('no-such-section', {}),
      'sections.no-such-section',
      'materials.template.noSection',
    ],
  ])('names the file and the %s path', (_what, ask, path, key) => {
    let caught: unknown;
    try {
      ask();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(BeianError);
    const e = caught as BeianError;
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.key).toBe(key);
    expect(e.issues.map((i) => formatIssue(i, translator('en')))).toEqual([
      expect.stringMatching(new RegExp(`^algorithm-basic-info\\.zh\\.yaml ${path.replace('.', '\\.')}: `)),
    ]);
  });
});
