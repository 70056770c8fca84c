/**
 * Library load and compile benchmark (issue #13): what a scan pays before reading any text, CPU
 * milliseconds of the main thread, in one process and one run:
 * - a plain keyword list (the e2e lists: konsheng + houbb keywords, seeded shuffle, one
 *   `#! category=A.1.6 severity=3` header line) through loadLexicon, as `beian scan --lexicon` does,
 *   then the bytes the scan workers get (scanPlan's: the compiled bytes a plain list now compiles
 *   straight into, else serializeMatcher without checksum) and deserializeMatcher (what each worker
 *   does with them); with the WebAssembly
 *   automaton build (dist/lexicon/wasm/build.wasm) and with the JS one (BEIAN_WASM=0),
 *   alternating, and their ratio;
 * - the compiled default library (dist/lexicon/default.beianlx) through loadLexicon.
 * The first call of each kind in a fresh process is what a scan pays (code not yet optimised):
 * each measurement runs in its own child process; prints the min and max of REPS.
 *
 * With BASE_DIST (another build's dist/, e.g. a copy of main's), the same runs of that build
 * alternate with these and their ratio (base/ours) is printed.
 *
 *   npm run build && npx tsx bench/lexicon/compile.ts   # env SIZES (10000,50000), REPS (3), BASE_DIST
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keywordPool, root } from './real-text.js';

const sizes = (process.env.SIZES ?? '10000,50000').split(',').map(Number);
const reps = Number(process.env.REPS ?? 3);

// the child: one measurement, printed as JSON
const child = `
const D = process.env.BENCH_DIST;
const { loadKb } = await import(D + '/kb/index.js');
const { loadLexicon } = await import(D + '/app/lexicon.js');
const { serializeMatcher, deserializeMatcher } = await import(D + '/lexicon/serialize.js');
const kb = loadKb();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const file = process.argv[1];
let t = cpu();
const lex = await loadLexicon(kb, file ? { files: [file] } : {});
const load = cpu() - t;
let serialize = 0, deserialize = 0;
if (file) {
  t = cpu(); const bytes = lex.compiled ?? serializeMatcher(lex.matcher, { shared: true, checksum: false }); serialize = cpu() - t;
  t = cpu(); deserializeMatcher(bytes, undefined, { verified: true }); deserialize = cpu() - t;
}
console.log(JSON.stringify({ load, serialize, deserialize, keywords: lex.keywords }));
`;

interface Sample {
  load: number;
  serialize: number;
  deserialize: number;
  keywords: number;
}
const ours = join(root, 'dist');
const baseDist = process.env.BASE_DIST;
function measure(file: string, env: Record<string, string>, dist = ours): Sample {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child, file], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_DIST: dist, ...env },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Sample;
}
const range = (xs: number[]): string => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;

const dir = mkdtempSync(join(tmpdir(), 'beian-compile-'));
const pool = keywordPool();
console.log(`CPU ms, ${reps} runs each (min–max), each in a fresh process`);
console.log(
  'library'.padEnd(34),
  'build'.padEnd(5),
  'loadLexicon'.padStart(12),
  'serialize'.padStart(10),
  'deserialize'.padStart(12),
  'total'.padStart(10),
  ' JS/WASM',
);
for (const n of sizes) {
  const lib = join(dir, `kw-${n}.txt`);
  writeFileSync(lib, `#! category=A.1.6 severity=3\n${pool.slice(0, n).join('\n')}\n`);
  const runs: Record<'wasm' | 'js' | 'base', Sample[]> = { wasm: [], js: [], base: [] };
  for (let i = 0; i < reps; i++) {
    runs.wasm.push(measure(lib, {}));
    runs.js.push(measure(lib, { BEIAN_WASM: '0' }));
    if (baseDist) runs.base.push(measure(lib, {}, baseDist));
  }
  const total = (s: Sample): number => s.load + s.serialize + s.deserialize;
  const best = (k: 'wasm' | 'js' | 'base'): number => Math.min(...runs[k].map(total));
  for (const k of baseDist ? (['wasm', 'js', 'base'] as const) : (['wasm', 'js'] as const)) {
    const rs = runs[k];
    console.log(
      `plain list, ${rs[0]?.keywords} keywords`.padEnd(34),
      k.padEnd(5),
      range(rs.map((s) => s.load)).padStart(12),
      range(rs.map((s) => s.serialize)).padStart(10),
      range(rs.map((s) => s.deserialize)).padStart(12),
      range(rs.map(total)).padStart(10),
      k === 'js'
        ? ` ${(best('js') / best('wasm')).toFixed(2)}`
        : k === 'base'
          ? ` base/ours ${(best('base') / best('wasm')).toFixed(2)}`
          : '',
    );
  }
}
const def: Sample[] = [];
for (let i = 0; i < reps; i++) def.push(measure('', {}));
console.log(
  `compiled default, ${def[0]?.keywords} keywords`.padEnd(34),
  '-'.padEnd(5),
  range(def.map((s) => s.load)).padStart(12),
);
rmSync(dir, { recursive: true, force: true });
