// Build step (`npm run build`, last): `beian scan` as few files as possible. Node's ES loader costs
// ~0.4-0.5 ms of CPU per module (resolve, read, compile, link) and a scan loads ~68 of ours on the
// main thread and ~25 in each worker thread: about 0.05 CPU-s of a 64 MiB, 1-keyword scan's 0.3.
//   dist/scan-bundle/main.js   the CLI with the scan path in one file: `bin/beian.js scan …` imports it
//                              (every other command imports dist/cli/index.js as before). What only
//                              some scans reach and that loads a heavy package or zod (COLD: the
//                              store, the PII masker of examples, --queue, a stale KB's validation)
//                              is imported on demand from dist/ as tsc wrote it, with its own copy of
//                              the modules it shares with the bundle: none keeps state, and
//                              BeianError's `instanceof` holds across copies (src/errors.ts). One
//                              file, not esbuild's chunks: splitting the shared code out again made
//                              ~45 files.
//   dist/corpus/scan-worker.js the scan's worker thread, bundled in place (its own realm).
// Paths a module finds beside itself (`new URL('…', import.meta.url)`: data/, the KB snapshot, the
// WebAssembly, jieba) are rewritten to the module's original place in dist/, so they resolve as
// before. Packages (node_modules) and the vendor bundles stay imports. Without esbuild the step
// is skipped and the CLI runs unbundled: slower to start, same behaviour.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildOrSkip } from './esbuild-or-skip.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const OUT = join(DIST, 'scan-bundle');

/**
 * What stays out of the bundle, imported on demand from dist/ where tsc wrote it: what only some
 * scans reach and that loads a heavy package or zod (kysely, the PII dictionaries, BullMQ), and the
 * other commands. Every other module a scan imports, on demand or not, is in the one file (each
 * once); one added to this list gets its own copy of the modules it shares with the bundle.
 */
const COLD = [
  'store/index.js', // --save, scan review: kysely, better-sqlite3, pg
  'app/scan-review.js', // --sample-out, scan review: the store's repositories
  'cli/commands/scan-queue.js', // --queue: BullMQ, ioredis
  'pii/registry.js', // the masker of the report's examples (when a record is flagged)
  'pii/scan.js',
  'pii/redact.js',
  'pii/load-quick.js',
  'kb/index.js', // zod: a KB whose snapshot is stale is validated
  'lexicon/layouts.js', // zod: folder layouts and their category maps
  'lexicon/index.js', // the other `lexicon` sub-commands
  'lexicon/stats.js',
  'lexicon/variants/index.js',
];
/** The scan command and the modules of commands it uses; program.ts loads the rest on demand. */
const COMMANDS_BUNDLED = ['./commands/scan.js', './commands/lexicon.js'];
/** What the bundle may import when it loads (anything else is a package loaded by every scan). */
const EAGER_OK = /^(node:|\.\.\/vendor\/commander\.js$)/;

const esbuild = await esbuildOrSkip('bundle-scan', '`beian scan` runs unbundled');

const posix = (p) => p.split(sep).join('/');
const dotted = (p) => (p.startsWith('.') ? p : `./${p}`);

/** `import.meta.url` of each module of dist/ read as the module's own URL, wherever it is bundled. */
const originalMetaUrl = (outDir) => ({
  name: 'original-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!args.path.startsWith(DIST) || !text.includes('import.meta.url')) return undefined;
      const rel = JSON.stringify(dotted(posix(relative(outDir, args.path))));
      return {
        contents: text.replaceAll('import.meta.url', `new URL(${rel}, import.meta.url).href`),
        loader: 'js',
        resolveDir: dirname(args.path),
      };
    });
  },
});

/** The vendor bundles (dist/vendor/*.js) stay files of their own, imported from where the output is. */
const vendorExternal = (outDir) => ({
  name: 'vendor-external',
  setup(build) {
    build.onResolve({ filter: /[\\/]vendor[\\/][^\\/]+\.js$/ }, (args) => {
      const file = join(args.resolveDir, args.path);
      if (!file.startsWith(join(DIST, 'vendor'))) return undefined;
      return { path: dotted(posix(relative(outDir, file))), external: true };
    });
  },
});

const coldExternal = (outDir, inBundle) => ({
  name: 'cold-external',
  setup(build) {
    const cold = new Set(COLD.map((m) => join(DIST, m)));
    const program = join(DIST, 'cli/program.js');
    build.onResolve({ filter: /^\.\.?\//, namespace: 'file' }, (args) => {
      if (args.kind !== 'dynamic-import') return undefined;
      const file = join(args.resolveDir, args.path);
      const command = args.importer === program && !COMMANDS_BUNDLED.includes(args.path);
      // a module the bundle holds anyway (imported statically somewhere) is never loaded twice
      if ((!cold.has(file) && !command) || inBundle.has(file)) return undefined;
      return { path: dotted(posix(relative(outDir, file))), external: true };
    });
  },
});

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
};

for (const m of COLD)
  if (!existsSync(join(DIST, m))) throw new Error(`bundle-scan: ${m} is not in dist/ (update COLD)`);

rmSync(OUT, { recursive: true, force: true });
const mainBuild = (bundled) =>
  esbuild.build({
    ...common,
    stdin: {
      contents: [
        '// `beian scan`: the CLI with the scan path in one file (scripts/bundle-scan.mjs)',
        "export { main } from './cli/index.js';",
      ].join('\n'),
      resolveDir: DIST,
      sourcefile: 'scan-bundle-entry.js',
      loader: 'js',
    },
    outdir: OUT,
    entryNames: 'main',
    plugins: [originalMetaUrl(OUT), vendorExternal(OUT), coldExternal(OUT, new Set(bundled))],
  });
// a module the bundle holds anyway (imported statically somewhere) is never loaded a second time
// from dist/ where another module imports it on demand: the second build keeps those imports inside
const first = await mainBuild([]);
const main = await mainBuild(Object.keys(first.metafile.inputs).map((i) => join(ROOT, i)));

// The worker: one file, in place (it is only ever started by URL, never imported).
const workerFile = join(DIST, 'corpus/scan-worker.js');
const worker = await esbuild.build({
  ...common,
  entryPoints: [workerFile],
  outfile: workerFile,
  allowOverwrite: true,
  banner: { js: '// the scan worker thread and the modules it imports, bundled by scripts/bundle-scan.mjs' },
  plugins: [originalMetaUrl(dirname(workerFile)), vendorExternal(dirname(workerFile))],
});

// what every scan now loads before it starts: a package or zod here came with a module that only
// some scans need (add it to COLD)
const eager = [...readFileSync(join(OUT, 'main.js'), 'utf8').matchAll(/^import\b[^'"]*['"]([^'"]+)['"]/gm)]
  .map((m) => m[1])
  .filter((spec) => !EAGER_OK.test(spec));
if (eager.length)
  process.stderr.write(`bundle-scan: warning: every scan now loads ${[...new Set(eager)].join(', ')}\n`);

const count = (r) => Object.keys(r.metafile.inputs).length;
process.stdout.write(
  `bundle-scan: scan path ${count(main)} modules -> dist/scan-bundle/main.js (the rest on demand from dist/); ` +
    `worker ${count(worker)} modules -> 1 file\n`,
);
