import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/helpers/scratch.js';
import { BeianError, localMessage } from '../errors.js';
import { translator } from '../i18n/index.js';
import { readYamlFile } from './yaml-file.js';

const { put } = scratchDir('beian-yaml-file-');
const failure = (file: string): BeianError => {
  try {
    readYamlFile(file, 'CONFIG_INVALID', 'assess.cannotReadRules');
  } catch (e) {
    if (e instanceof BeianError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('readYamlFile', () => {
  it('parses a YAML file', () => {
    expect(readYamlFile(put('ok.yaml', 'a: [1, 2]\n'), 'CONFIG_INVALID', 'assess.cannotReadRules')).toEqual({
      a: [1, 2],
    });
  });

  it('names the file and why it failed, in the user language, with the caller code and key', () => {
    const missing = failure(put('x.txt', '').replace(/x\.txt$/, 'none.yaml'));
    expect([missing.code, missing.key]).toEqual(['CONFIG_INVALID', 'assess.cannotReadRules']);
    expect(localMessage(missing, translator('zh'))).toMatch(/none\.yaml：文件或目录不存在$/);
    const broken = failure(put('bad.yaml', 'a: [1,\n'));
    expect(localMessage(broken, translator('zh'))).toContain('YAML 语法错误');
  });
});
