// Build step (`npm run build`, after tsc): the WebAssembly modules of the keyword engine, compiled from
// their AssemblyScript sources (src/lexicon/wasm/assembly/, a devDependency: no native toolchain) into
// dist/lexicon/wasm/{lines,build}.wasm, which src/lexicon/wasm/index.ts and build.ts load from the file.
import { mkdirSync } from 'node:fs';
import asc from 'assemblyscript/asc';

mkdirSync('dist/lexicon/wasm', { recursive: true });
// lines: the scan workers' line walk, over one shared memory that the caller makes and every thread
// imports (the automaton's image in it once for all threads, each thread's buffers grown past it);
// build: the automaton compiled from a keyword list, in a memory of its own
const SHARED = ['--importMemory', '--sharedMemory', '--maximumMemory', '65536', '--enable', 'threads'];
for (const [name, flags] of [
  ['lines', SHARED],
  ['build', []],
]) {
  const { error, stderr } = await asc.main([
    `src/lexicon/wasm/assembly/${name}.ts`,
    '--outFile',
    `dist/lexicon/wasm/${name}.wasm`,
    '--optimizeLevel',
    '3',
    '--runtime',
    'stub',
    '--noAssert',
    ...flags,
  ]);
  if (error) {
    console.error(stderr.toString());
    console.error(`build-wasm: ${name}: ${error.message}`);
    process.exit(1);
  }
}
