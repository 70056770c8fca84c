import { Document, isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Lang } from '../i18n/index.js';
import { enumLabel, fieldHelp } from './field-docs.js';
import type { ProjectFile } from './schema.js';

/** The questionnaire's top-level answers, in the order `beian init` lists the unanswered ones. */
const ANSWER_KEYS = [
  'publicMainland',
  'functions',
  'publicOpinion',
  'serviceForms',
  'generates',
  'faceVoice',
  'model',
  'technicalSupport',
  'usersReached',
  'trainingData',
  'personalInfo',
  'launchDate',
] as const;

/** Sections a new file does not have yet, with the command that reads each. */
const LATER_SECTIONS = ['measures', 'checklist', 'pii', 'sources', 'redteam'] as const;

export interface RenderOptions {
  lang: Lang;
  /** the `$schema` reference for editors, relative to the file */
  schemaPath: string;
  /** the header's lines (already in the user's language) */
  header: readonly string[];
  /** "not answered yet" in the user's language */
  unanswered: string;
}

const comment = (text: string) =>
  text
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');

/** Adds the field help above every key, and enum labels beside enum values. */
function annotate(node: unknown, path: string, lang: Lang): void {
  if (isMap(node)) {
    for (const pair of node.items as Pair<Node, Node>[]) {
      if (!isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const p = path ? `${path}.${key}` : key;
      const help = fieldHelp(p, lang);
      if (help) pair.key.commentBefore = comment(help);
      const value = pair.value;
      if (isScalar(value) && typeof value.value === 'string') {
        const label = enumLabel(p, value.value, lang);
        if (label) value.comment = ` ${label}`;
      }
      if (isSeq(value) && value.items.every((i) => isScalar(i))) {
        value.flow = true;
        const labels = value.items.map((i) => enumLabel(p, String((i as { value: unknown }).value), lang));
        if (labels.length && labels.every((l) => l)) value.comment = ` ${labels.join('、')}`;
      }
      annotate(value, p, lang);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) annotate(item, `${path}[]`, lang);
  }
}

/**
 * Renders a project as a commented beian.yaml: the `$schema` line for editors, a header, every
 * field with its help above it, enum values with their labels, the questionnaire's unanswered
 * questions listed under each service, and the sections still to add. Pure.
 */
export function renderProjectYaml(project: ProjectFile, options: RenderOptions): string {
  const doc = new Document(project);
  annotate(doc.contents, '', options.lang);
  const services = (doc.contents as YAMLMap).get('services', true);
  if (isSeq(services))
    services.items.forEach((item, i) => {
      const answers = project.services[i]?.answers ?? {};
      const open = ANSWER_KEYS.filter((k) => answers[k] === undefined);
      if (!open.length || !isMap(item)) return;
      const pair = item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'answers');
      if (!pair || !isScalar(pair.key)) return;
      const list = open.map((k) =>
        `  ${k}: ?  # ${fieldHelp(`services[].answers.${k}`, options.lang) ?? ''}`.trimEnd(),
      );
      pair.key.commentBefore = [pair.key.commentBefore, comment([options.unanswered, ...list].join('\n'))]
        .filter(Boolean)
        .join('\n');
    });
  const later = LATER_SECTIONS.filter((s) => project[s] === undefined).map((s) =>
    `# ${s}:  ${fieldHelp(s, options.lang) ?? ''}`.trimEnd(),
  );
  const head = [
    `# yaml-language-server: $schema=${options.schemaPath}`,
    ...options.header.map((l) => `# ${l}`),
  ];
  return `${head.join('\n')}\n${doc.toString({ lineWidth: 0 })}${later.length ? `\n${later.join('\n')}\n` : ''}`;
}
