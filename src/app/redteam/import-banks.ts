import { writeFileAtomicSync as writeAtomic } from '../../io/atomic.js';
import type { Kb } from '../../kb/index.js';
import { type ImportResult, toJsonl } from '../../redteam/banks/import.js';
import { type LabelProposal, proposalsToYaml, suggestMappings } from '../../redteam/banks/suggest-map.js';
import { type ReadOptions, readBanks } from './bank-files.js';
import { loadCategoryMaps } from './category-maps.js';

export interface ImportOptions extends ReadOptions {
  /** the bank to write (JSONL) */
  out?: string;
  /** write the proposed map for unknown labels here (YAML) */
  suggestMap?: string;
  /** write every rejected row here (JSONL of {file, line, path, message}) */
  rejects?: string;
  now: Date;
}

export interface ImportOutcome extends ImportResult {
  proposals: LabelProposal[];
  written: string[];
}

/**
 * `bank import`: reads the files (layouts, encodings, maps), writes the bank, and on request the
 * proposed mapping of unknown labels and the list of rejected rows. Every file is written atomically.
 */
export async function importBanks(
  kb: Kb,
  files: readonly string[],
  opts: ImportOptions,
): Promise<ImportOutcome> {
  const maps = opts.maps ?? loadCategoryMaps(opts.mapFiles);
  const r = await readBanks(kb, files, { ...opts, maps });
  const proposals = suggestMappings(kb, maps, r.unknownLabels);
  const written: string[] = [];
  if (opts.out) {
    writeAtomic(opts.out, toJsonl(r.items));
    written.push(opts.out);
  }
  if (opts.suggestMap) {
    writeAtomic(
      opts.suggestMap,
      proposalsToYaml(proposals, `labels of ${files.join(', ')}`, opts.now.toISOString().slice(0, 10)),
    );
    written.push(opts.suggestMap);
  }
  if (opts.rejects) {
    writeAtomic(
      opts.rejects,
      r.issues.map((i) => JSON.stringify(i)).join('\n') + (r.issues.length ? '\n' : ''),
    );
    written.push(opts.rejects);
  }
  return { ...r, proposals, written };
}
