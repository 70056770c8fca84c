import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BeianError, osReason } from '../errors.js';
import { buildDictionaries, type PiiDictionaries } from './dictionaries.js';

/** data/pii of the installed package (the same relative path from src/pii and dist/pii). */
export const DEFAULT_PII_DIR = fileURLToPath(new URL('../../data/pii/', import.meta.url));

/**
 * jieba's word list (installed with @node-rs/jieba, MIT): read at run time, never copied into data/.
 * Undefined when the package is missing; the name detector then needs context cues.
 */
function readWordFrequencies(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('@node-rs/jieba/package.json');
    return readFileSync(`${dirname(pkg)}/dict.txt`, 'utf8');
  } catch {
    return undefined;
  }
}

const withWords = (): { wordFrequencies?: string } => {
  const w = readWordFrequencies();
  return w ? { wordFrequencies: w } : {};
};

/** Reads the name/address dictionaries (a few KB; read once per process or worker). */
export function loadPiiDictionaries(dir: string = DEFAULT_PII_DIR): PiiDictionaries {
  const read = (name: string) => {
    const file = `${dir.replace(/\/$/, '')}/${name}`;
    try {
      return readFileSync(file, 'utf8');
    } catch (cause) {
      throw BeianError.of('ENVIRONMENT', 'pii.dictUnreadable', { file, reason: osReason(cause) }, { cause });
    }
  };
  try {
    return buildDictionaries({
      surnames: read('surnames.txt'),
      givenNameChars: read('given-name-chars.txt'),
      commonWords: read('common-words.txt'),
      regions: read('regions.txt'),
      nameCues: parse(read('name-cues.yaml')),
      address: parse(read('address.yaml')),
      ...withWords(),
    });
  } catch (cause) {
    if (cause instanceof BeianError) throw cause;
    throw BeianError.of('CONFIG_INVALID', 'pii.dictInvalid', { dir }, { cause });
  }
}
