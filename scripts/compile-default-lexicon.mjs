// Build step (`npm run build`, after tsc): compiles the default keyword library (data/lexicons/default)
// once into dist/lexicon/default.beianlx with a sidecar holding its sources' content hash; loadLexicon()
// uses it for the default selection when the hash matches (saves ~1.5 CPU-s per command).
const { loadKb } = await import('../dist/kb/load.js');
const { writeCompiledDefault } = await import('../dist/app/lexicon.js');
await writeCompiledDefault(loadKb());
