// Build step (`npm run build`, after tsc): what every command would otherwise rebuild from the versioned
// sources at each start, written once beside the compiled modules. Each is used only when the content
// hash of its sources matches (else, and under tsx, the sources are read as before):
//   dist/kb/kb-snapshot.json       data/kb validated with zod (loadKb)
//   dist/pii/word-stats.bin        jieba's word-list statistics for the name detector (loadPiiDictionaries)
//   dist/lexicon/default.beianlx   the default keyword library compiled, with a sidecar (loadLexicon)
//   dist/lexicon/context-rules.json data/lexicons/context.yaml read (loadLibraryRules)
import { renameSync, writeFileSync } from 'node:fs';

const { DEFAULT_KB_SNAPSHOT, kbSnapshot, loadKb } = await import('../dist/kb/load.js');
const tmp = `${DEFAULT_KB_SNAPSHOT}.${process.pid}.tmp`;
writeFileSync(tmp, kbSnapshot());
renameSync(tmp, DEFAULT_KB_SNAPSHOT);

const { writeWordStatsSnapshot } = await import('../dist/pii/load.js');
writeWordStatsSnapshot();

const { writeLibraryRulesSnapshot } = await import('../dist/lexicon/load.js');
writeLibraryRulesSnapshot();

const { writeCompiledDefault } = await import('../dist/app/lexicon.js');
await writeCompiledDefault(loadKb());
