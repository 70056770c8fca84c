// Build step (`npm run build`, right after tsc): kysely and zod ship as hundreds of small ES modules
// (kysely 263 files, zod 95 with every locale), and Node resolves, reads and links each one at every
// start of the CLI: ~100 ms and ~45 ms of each command's start-up, more than the rest of the CLI.
// Each is bundled once into a single file under dist/vendor/ (same code, same version, its licence
// kept beside it) and the compiled modules' imports of it are pointed there: one load of ~12 ms and
// ~28 ms. Types still come from the packages; tsx and vitest (src/) keep importing the packages.
// Without esbuild (a production install that rebuilds) the step is skipped and dist imports the
// packages as tsc wrote it: slower to start, same behaviour.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { esbuildOrSkip } from './esbuild-or-skip.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const VENDOR = join(DIST, 'vendor');
/** The packages bundled: only ever imported by their bare name in src/ (a subpath stays unbundled). */
const PACKAGES = ['kysely', 'zod', 'commander'];
/**
 * Our own modules bundled in place: the message catalogues (index + 40 files of zh/en messages,
 * imported by every command; 26 -> 14 ms CPU as one file, ~7 ms less again with flatCatalogues). Only self-contained folders qualify:
 * nothing outside them imported, no `import.meta.url` paths that would move.
 */
const OWN = ['i18n/index.js'];

const esbuild = await esbuildOrSkip('vendor-bundles', 'dist imports the packages directly');

/** The package's own directory: the first one above its ES entry whose package.json has its name. */
function packageDir(name, entry) {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).name === name) return dir;
  }
  throw new Error(`vendor-bundles: no package.json for ${name} above ${entry}`);
}

/**
 * zod's namespace carries all of its ~40 message locales (`z.locales`), yet only English is ever
 * configured (zod's default; our messages come from the catalogues, util/zod-issues.ts): in the
 * bundle the locale index exports English alone, a third less to parse at each start. If zod
 * moves that file the filter matches nothing and the bundle simply keeps every locale.
 */
const englishOnlyZodLocales = {
  name: 'zod-english-locale-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

mkdirSync(VENDOR, { recursive: true });
for (const name of PACKAGES) {
  const entry = fileURLToPath(import.meta.resolve(name));
  const dir = packageDir(name, entry);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: join(VENDOR, `${name}.js`),
    legalComments: 'eof',
    banner: {
      js: [
        `// ${name} ${pkg.version} (${pkg.license}, see ${name}.LICENSE), bundled by scripts/vendor-bundles.mjs`,
        // a CommonJS package (commander) still require()s Node's built-ins inside the ES bundle
        "import { createRequire as __vendorRequire } from 'node:module';",
        'const require = __vendorRequire(import.meta.url);',
      ].join('\n'),
    },
    logLevel: 'warning',
    plugins: name === 'zod' ? [englishOnlyZodLocales] : [],
  });
  const licence = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  if (licence) copyFileSync(join(dir, licence), join(VENDOR, `${name}.LICENSE`));
}

/**
 * The catalogues each become one object literal (their merged keys, in the same order, read from
 * the compiled modules): a message catalogue of ~40 domain files spread into one costs ~18 ms of
 * CPU to evaluate, the same strings in one literal ~7. Only plain string maps qualify; anything
 * else is bundled as written.
 */
const flatCatalogues = {
  name: 'flat-catalogues',
  setup(build) {
    build.onLoad({ filter: /[\\/]i18n[\\/](zh|en)[\\/]index\.js$/ }, async (args) => {
      const lang = basename(dirname(args.path));
      const catalogue = (await import(pathToFileURL(args.path).href))[lang];
      if (!catalogue || !Object.values(catalogue).every((v) => typeof v === 'string')) return undefined;
      return { contents: `export const ${lang} = ${JSON.stringify(catalogue)};`, loader: 'js' };
    });
  },
};

for (const rel of OWN) {
  const file = join(DIST, rel);
  const r = await esbuild.build({
    plugins: [flatCatalogues],
    entryPoints: [file],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    metafile: true,
    absWorkingDir: ROOT,
    logLevel: 'warning',
    banner: { js: `// ${rel} and the modules it imports, bundled by scripts/vendor-bundles.mjs` },
  });
  const folder = dirname(file);
  const outside = Object.keys(r.metafile.inputs).filter((i) => !join(ROOT, i).startsWith(folder));
  if (outside.length)
    throw new Error(`vendor-bundles: ${rel} imports outside its folder: ${outside.join(', ')}`);
  writeFileSync(file, r.outputFiles[0].text);
}

// `from 'kysely'`, `import 'zod'`, `import('kysely')`: the exact bare name only
const specifier = new RegExp(`((?:from|import)\\s*\\(?\\s*)(['"])(${PACKAGES.join('|')})\\2`, 'g');
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (join(dir, e.name) === VENDOR ? [] : walk(join(dir, e.name))) : [join(dir, e.name)],
  );
let rewritten = 0;
for (const file of walk(DIST)) {
  if (!file.endsWith('.js')) continue;
  const text = readFileSync(file, 'utf8');
  const out = text.replace(specifier, (_m, head, q, name) => {
    let rel = relative(dirname(file), join(VENDOR, `${name}.js`))
      .split(sep)
      .join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${head}${q}${rel}${q}`;
  });
  if (out !== text) {
    writeFileSync(file, out);
    rewritten++;
  }
}
if (!existsSync(join(VENDOR, 'kysely.js'))) throw new Error('vendor-bundles: kysely bundle missing');
process.stdout.write(
  `vendor-bundles: ${PACKAGES.join(', ')} bundled; ${rewritten} modules newly pointed at dist/vendor\n`,
);
