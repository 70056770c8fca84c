import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

/**
 * The yaml package, loaded on first use. Modules on a command's start path (the KB, beian.yaml,
 * bank maps) parse YAML only in some runs (the build's KB snapshot usually answers), and loading
 * the package costs ~50 ms of CPU. Its `node` export is the same CommonJS file `import` loads.
 */
export function yaml(): typeof Yaml {
  lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return lib;
}
