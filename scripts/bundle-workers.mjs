// Build step (`npm run build`, last, after bundle-scan): each worker thread's module and everything
// it imports, bundled into one CommonJS file beside it (dist/corpus/scan-worker.cjs). A thread
// started from an ES module sets up Node's ES module loader and then resolves, reads and links each
// of its ~20 modules: ~20 ms of CPU per thread, a third of what a scan thread costs to start; from
// one ES file (bundle-scan.mjs bundles the worker in place) ~10 ms; from one CommonJS file it is
// about what an empty thread costs. Built from the in-place bundle when there is one (the same
// modules). corpus/pool.ts starts the bundle when it is
// there and at least as new as every module it holds (a later tsc alone leaves it stale: the
// modules are then started as they are). Same code: each module's `import.meta.url` still names
// its own file, so the files it finds beside itself (lines.wasm, jieba, iconv-lite) are the same.
// Without esbuild the step is skipped and threads start from the ES modules.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildOrSkip } from './esbuild-or-skip.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
/** the worker modules (under dist/) bundled */
const WORKERS = ['corpus/scan-worker.js', 'app/pii/pii-worker.js'];

const esbuild = await esbuildOrSkip('bundle-workers', 'threads start from the ES modules');

for (const rel of WORKERS) {
  const entry = join(DIST, rel);
  if (!existsSync(entry)) throw new Error(`bundle-workers: ${rel} not built`);
  const out = entry.replace(/\.js$/, '.cjs');
  /** import.meta.url of each module, from the bundle's own location (dist may be moved or installed) */
  const metaUrl = {
    name: 'import-meta-url-per-module',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, async (args) => {
        const { readFile } = await import('node:fs/promises');
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const from = relative(dirname(out), args.path).split('\\').join('/');
        return {
          contents: text.replaceAll('import.meta.url', `__moduleUrl(${JSON.stringify(from)})`),
          loader: 'js',
        };
      });
    },
  };
  const r = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: out,
    metafile: true,
    absWorkingDir: ROOT,
    logLevel: 'warning',
    // the native and CommonJS packages the modules require() at run time stay where they are
    packages: 'external',
    banner: {
      js: [
        `// ${rel} and the modules it imports, bundled by scripts/bundle-workers.mjs (corpus/pool.ts starts it)`,
        "const __moduleUrl = (p) => new (require('node:url').URL)(p, require('node:url').pathToFileURL(__filename)).href;",
      ].join('\n'),
    },
    plugins: [metaUrl],
  });
  // what the bundle holds, for pool.ts's freshness check (paths relative to the bundle)
  const inputs = Object.keys(r.metafile.inputs)
    .map((i) => relative(dirname(out), join(ROOT, i)).split('\\').join('/'))
    .sort();
  writeFileSync(`${out}.inputs.json`, `${JSON.stringify(inputs)}\n`);
}
