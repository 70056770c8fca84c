// Build step (`npm run build`, after tsc): the WebAssembly modules of the keyword engine, compiled from
// their AssemblyScript sources (src/lexicon/wasm/assembly/, a devDependency: no native toolchain) into
// dist/lexicon/wasm/{lines,build}.wasm, which src/lexicon/wasm/index.ts and build.ts load from the file.
import { mkdirSync } from 'node:fs';
import asc from 'assemblyscript/asc';

mkdirSync('dist/lexicon/wasm', { recursive: true });
// lines: the scan workers' line walk; build: the automaton compiled from a keyword list
for (const name of ['lines', 'build']) {
  const { error, stderr } = await asc.main([
    `src/lexicon/wasm/assembly/${name}.ts`,
    '--outFile',
    `dist/lexicon/wasm/${name}.wasm`,
    '--optimizeLevel',
    '3',
    '--runtime',
    'stub',
    '--noAssert',
  ]);
  if (error) {
    console.error(stderr.toString());
    console.error(`build-wasm: ${name}: ${error.message}`);
    process.exit(1);
  }
}
