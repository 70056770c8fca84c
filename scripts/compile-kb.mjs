// Build step (`npm run build`, after tsc): validates data/kb once with zod and writes the snapshot
// that loadKb() reads when the YAML's content hash matches (dist/kb/kb-snapshot.json).
import { renameSync, writeFileSync } from 'node:fs';

const { DEFAULT_KB_SNAPSHOT, kbSnapshot } = await import('../dist/kb/load.js');
const tmp = `${DEFAULT_KB_SNAPSHOT}.${process.pid}.tmp`;
writeFileSync(tmp, kbSnapshot());
renameSync(tmp, DEFAULT_KB_SNAPSHOT);
