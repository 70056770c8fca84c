import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Answers } from '../assess/questionnaire.js';
import { BeianError, issueOf, osReason } from '../errors.js';
import { type Lang, translator } from '../i18n/index.js';
import { writeFileAtomicSync } from '../io/atomic.js';
import { renderProjectYaml } from '../project/commented-yaml.js';
import { parseProject } from '../project/parse.js';
import { Organisation, type ProjectFile } from '../project/schema.js';
import { readYamlText, validateYaml } from '../util/yaml-text.js';

const ServiceAnswers = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes')
      .optional(),
    name: z.string().min(1),
    description: z.string().optional(),
    answers: Answers,
  })
  .strict();

/**
 * What `beian init --from-assess` reads: the questionnaire's answers for one service, or for
 * several with the organisation (YAML or JSON). Its fields are those of beian.yaml, so a file
 * written by hand, by a script or by the interactive questionnaire all work.
 */
export const InitAnswers = z.union([
  z.object({ organisation: Organisation.optional(), services: z.array(ServiceAnswers).min(1) }).strict(),
  ServiceAnswers,
]);
export type InitAnswers = z.infer<typeof InitAnswers>;

/** "门店 Mini Shop" → "mini-shop"; falls back to service-N for names without Latin letters. */
function slug(name: string, n: number): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || `service-${n + 1}`
  );
}

/** Builds the project the answers describe; service ids are made unique. Pure. */
export function projectFromAnswers(input: InitAnswers): ProjectFile {
  const list = 'services' in input ? input.services : [input];
  const seen = new Set<string>();
  const services = list.map((s, i) => {
    let id = s.id ?? slug(s.name, i);
    for (let k = 2; seen.has(id); k++) id = `${s.id ?? slug(s.name, i)}-${k}`;
    seen.add(id);
    return { id, name: s.name, ...(s.description ? { description: s.description } : {}), answers: s.answers };
  });
  const organisation = 'services' in input ? input.organisation : undefined;
  return { version: 1, ...(organisation ? { organisation } : {}), services };
}

export function readInitAnswers(file: string, shownAs: string): InitAnswers {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw BeianError.of(
      'NOT_FOUND',
      'init.cannotRead',
      { file: shownAs },
      {
        cause,
        issues: [issueOf({ file: shownAs }, 'file.issue.notFound')],
      },
    );
  }
  return validateYaml(InitAnswers, readYamlText(text, shownAs), shownAs, {
    key: 'init.notAnswers',
    params: { file: shownAs },
  });
}

const SCHEMA = fileURLToPath(new URL('../../schema/beian.schema.json', import.meta.url));

/** The commented beian.yaml text for a project, validated before anyone writes it. */
export function projectYaml(project: ProjectFile, file: string, lang: Lang, now: Date): string {
  const t = translator(lang);
  const schemaPath = relative(dirname(file), SCHEMA).split(sep).join('/');
  const text = renderProjectYaml(project, {
    lang,
    schemaPath,
    header: [t('init.header.title', { date: now.toISOString().slice(0, 10) }), t('init.header.next')],
    unanswered: t('init.unanswered'),
  });
  parseProject(text, file);
  return text;
}

/** Writes the file atomically; an existing file is replaced only with `force`. */
export function writeProjectYaml(file: string, text: string, force: boolean): void {
  try {
    writeFileAtomicSync(file, text, { overwrite: force });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST')
      throw BeianError.of(
        'USAGE',
        'file.exists',
        { file },
        { cause, issues: [issueOf({ file }, 'file.issue.exists')] },
      );
    throw BeianError.of('ENVIRONMENT', 'file.cannotWrite', { file, reason: osReason(cause) }, { cause });
  }
}

export const projectFileExists = (file: string): boolean => existsSync(file);
