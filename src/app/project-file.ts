import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BeianError } from '../errors.js';
import { type ProjectFile, parseProject } from '../project/index.js';

/**
 * Reads the project file: the path given, else `beian.yaml` in the working directory when it
 * exists (undefined when it does not and none was given).
 */
export async function readProjectFile(
  path: string | undefined,
  cwd: string,
): Promise<ProjectFile | undefined> {
  const file = resolve(cwd, path ?? 'beian.yaml');
  if (path === undefined && !existsSync(file)) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new BeianError('NOT_FOUND', `Cannot read the project file ${path ?? file}.`, { cause });
  }
  return parseProject(text, path ?? 'beian.yaml');
}
