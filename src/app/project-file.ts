import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BeianError, osReason } from '../errors.js';
import type { ProjectFile } from '../project/index.js';

/**
 * The one reader of the project file: the path given (relative to `cwd`), else `beian.yaml` in
 * `cwd` when it exists (undefined when it does not and none was given). Errors name the file,
 * line and field.
 */
export async function readProjectFile(path: string, cwd?: string): Promise<ProjectFile>;
export async function readProjectFile(
  path: string | undefined,
  cwd: string,
): Promise<ProjectFile | undefined>;
export async function readProjectFile(
  path: string | undefined,
  cwd: string = process.cwd(),
): Promise<ProjectFile | undefined> {
  const file = resolve(cwd, path ?? 'beian.yaml');
  if (path === undefined && !existsSync(file)) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw BeianError.of(
      'NOT_FOUND',
      'project.cannotRead',
      { file: path ?? file, reason: osReason(cause) },
      { cause },
    );
  }
  // the schemas and the YAML reader load only when there is a file to read (most runs have none:
  // ~50 ms of every command's start)
  const { parseProject } = await import('../project/index.js');
  return parseProject(text, path ?? 'beian.yaml');
}
