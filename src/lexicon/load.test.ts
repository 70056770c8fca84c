import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/helpers/scratch.js';
import { LIBRARY_RULES_FILE, loadLibraryRules, writeLibraryRulesSnapshot } from './load.js';

const { put } = scratchDir('beian-rules-');
const yamlText = readFileSync(LIBRARY_RULES_FILE, 'utf8');

describe('loadLibraryRules', () => {
  it('reads the shipped rules, from the YAML or from a snapshot of the same text', () => {
    const fromYaml = loadLibraryRules(LIBRARY_RULES_FILE, put('none.json', '{}'));
    expect(fromYaml.reportingCues?.words).toContain('打击');
    const rules = put('context.yaml', yamlText);
    const snap = put('context-rules.json', '');
    writeLibraryRulesSnapshot(rules, snap);
    expect(loadLibraryRules(rules, snap)).toEqual(fromYaml);
    // answered by the snapshot, not the YAML: its (altered) rules come back as they are
    const written = JSON.parse(readFileSync(snap, 'utf8')) as { hash: string };
    put(
      'context-rules.json',
      JSON.stringify({ ...written, rules: { reportingCues: { window: 1, words: ['甲'] } } }),
    );
    expect(loadLibraryRules(rules, snap)).toEqual({ reportingCues: { window: 1, words: ['甲'] } });
  });

  it('ignores a snapshot of other text: an edited YAML is read again', () => {
    const rules = put('edited.yaml', yamlText);
    const snap = put('edited-rules.json', '');
    writeLibraryRulesSnapshot(rules, snap);
    put('edited.yaml', 'reporting-cues:\n  window: 3\n  words: [通报]\n');
    expect(loadLibraryRules(rules, snap)).toEqual({ reportingCues: { window: 3, words: ['通报'] } });
  });

  it('stops on rules without their required fields, snapshot or not', () => {
    const bad = put('bad.yaml', 'reporting-cues:\n  window: six\n');
    expect(() => loadLibraryRules(bad, put('bad.json', '{}'))).toThrow(/reporting-cues.window/);
    expect(() => writeLibraryRulesSnapshot(bad, put('bad2.json', ''))).toThrow(/reporting-cues.window/);
  });
});
