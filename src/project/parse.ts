import { LineCounter, parseDocument } from 'yaml';
import { BeianError, type Issue } from '../errors.js';
import { zodIssues } from '../util/zod-issues.js';
import { ProjectFile } from './schema.js';

/**
 * Parses the text of a project file (YAML or JSON, which is YAML) into a validated ProjectFile.
 * Pure: the caller reads the file. Errors name the file, the line where known, and the field path.
 */
export function parseProject(text: string, file: string): ProjectFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => ({
      file,
      line: e.linePos?.[0]?.line,
      message: e.message.split('\n')[0] ?? e.message,
    }));
    throw new BeianError('INPUT_INVALID', `${file} is not valid YAML/JSON.`, { issues });
  }
  const result = ProjectFile.safeParse(doc.toJS());
  if (!result.success) {
    const issues = zodIssues(result.error, file).map((issue) => {
      const node = doc.getIn(pathSegments(issue.path ?? ''), true) as
        | { range?: [number, number, number] }
        | undefined;
      const offset = node?.range?.[0];
      return offset === undefined ? issue : { ...issue, line: lineCounter.linePos(offset).line };
    });
    throw new BeianError('INPUT_INVALID', `${file} does not match the beian.yaml schema.`, { issues });
  }
  return result.data;
}

/** "services[2].answers.model" → ['services', 2, 'answers', 'model'] */
function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
  return out;
}
