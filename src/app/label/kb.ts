import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BeianError } from '../../errors.js';
import { LabellingKb } from '../../label/kb.js';

export const LABELLING_KB = fileURLToPath(new URL('../../../data/kb/labelling.yaml', import.meta.url));

export function loadLabellingKb(file = LABELLING_KB): LabellingKb {
  try {
    return LabellingKb.parse(parse(readFileSync(file, 'utf8')));
  } catch (cause) {
    throw BeianError.of(
      'CONFIG_INVALID',
      'label.err.kb',
      { file, message: (cause as Error).message },
      { cause },
    );
  }
}
