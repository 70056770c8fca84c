// Build step (`npm run build`, after tsc): the WebAssembly hot loop of the scan workers, compiled from
// its AssemblyScript source (src/lexicon/wasm/assembly/, a devDependency: no native toolchain) into
// dist/lexicon/wasm/lines.wasm, which src/lexicon/wasm/index.ts loads from the file.
import { mkdirSync } from 'node:fs';
import asc from 'assemblyscript/asc';

const out = 'dist/lexicon/wasm/lines.wasm';
mkdirSync('dist/lexicon/wasm', { recursive: true });
const { error, stderr } = await asc.main([
  'src/lexicon/wasm/assembly/lines.ts',
  '--outFile',
  out,
  '--optimizeLevel',
  '3',
  '--runtime',
  'stub',
  '--noAssert',
]);
if (error) {
  console.error(stderr.toString());
  console.error(`build-wasm: ${error.message}`);
  process.exit(1);
}
