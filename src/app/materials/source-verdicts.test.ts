import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKb, threshold } from '../../kb/index.js';
import { buildMaterials } from '../../materials/build.js';
import { loadTemplates } from '../../materials/load-templates.js';
import { renderMarkdown } from '../../materials/render/markdown.js';
import { parseProject } from '../../project/index.js';
import { checkSources, parseLedger } from '../../sources/index.js';
import { sourcesToEvidence } from './evidence-map.js';

/** #19: a source the ledger check flags is never "符合" in the security assessment. */
describe('source verdicts come from the same evidence as `beian sources check`', () => {
  const kb = loadKb();
  const max = threshold(kb, 'source.illegal-rate.max');
  const ledger = parseLedger(readFileSync('examples/demo/sources.yaml', 'utf8'), 'sources.yaml');
  const project = parseProject(readFileSync('examples/demo/beian.yaml', 'utf8'), 'beian.yaml');
  const check = checkSources(ledger, max, kb.duties);
  const doc = buildMaterials({
    project,
    evidence: { sources: sourcesToEvidence(ledger, max) },
    kb,
    templates: loadTemplates(),
    lang: 'zh',
    date: '2026-12-01',
    only: ['genai-security-assessment'],
  })[0]!;
  const text = renderMarkdown(doc);
  const rowOf = (name: string) => text.split('\n').find((l) => l.startsWith(`| ${name} |`)) ?? '';

  it('every source with an error flag is 不符合 and lists the flags; clean ones are 符合', () => {
    for (const s of ledger) {
      const errors = check.flags.filter((f) => f.source === s.id && f.severity === 'error');
      const row = rowOf(s.name);
      expect(row, s.id).not.toBe('');
      if (errors.length) expect(row.trimEnd().endsWith('| 不符合 |'), `${s.id}: ${row}`).toBe(true);
      else if (s.lastScan?.illegalRate !== undefined)
        expect(row.trimEnd().endsWith('| 符合 |'), row).toBe(true);
    }
    // the foreign dump passes the rate check but has three ledger problems
    expect(rowOf('境外开源代码与文档')).toMatch(/开源语料未注明许可证/);
  });

  it('the conclusion counts the ledger problems as failures', () => {
    expect(text).toMatch(/来源检查问题: 境外开源代码与文档/);
  });
});
