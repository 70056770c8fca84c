#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run by `npm ci` through `prepare`).
import { statSync } from 'node:fs';
import { commandNameOf } from '../dist/cli/command-name.js';

const argv = process.argv.slice(2);

/**
 * `beian scan` runs from the build's one-file bundle of its path (scripts/bundle-scan.mjs: ~0.05
 * CPU-s less start-up) when there is one at least as new as the compiled CLI; anything else, and a
 * bundle left from before a bare `tsc`, runs dist/cli/index.js.
 */
function entry() {
  const cli = new URL('../dist/cli/index.js', import.meta.url);
  if (commandNameOf(argv) !== 'scan') return cli;
  const bundle = new URL('../dist/scan-bundle/main.js', import.meta.url);
  try {
    return statSync(bundle).mtimeMs >= statSync(cli).mtimeMs ? bundle : cli;
  } catch {
    return cli;
  }
}

const { main } = await import(entry().href);

// `beian ... | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await main(argv);
