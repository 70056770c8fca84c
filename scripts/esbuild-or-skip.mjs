// The build's bundling steps are optional: a production install that rebuilds has no esbuild (a dev
// dependency), and dist/ then runs unbundled, slower to start but the same.

/** esbuild, or the step says what runs instead and exits 0 */
export async function esbuildOrSkip(step, instead) {
  try {
    return await import('esbuild');
  } catch {
    process.stderr.write(`${step}: esbuild not installed, ${instead}\n`);
    process.exit(0);
  }
}
