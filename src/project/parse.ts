import { readYamlText, validateYaml } from '../util/yaml-text.js';
import { ProjectFile } from './schema.js';

/**
 * Parses the text of a project file (YAML or JSON, which is YAML) into a validated ProjectFile.
 * Pure: the caller reads the file. Errors name the file, the line where known, and the field path.
 */
export function parseProject(text: string, file: string): ProjectFile {
  return validateYaml(ProjectFile, readYamlText(text, file), file, {
    key: 'project.invalid',
    params: { file },
  });
}
