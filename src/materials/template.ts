import { z } from 'zod';
import { BeianError, issueOf } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { Citation, formatCitation, type Kb } from '../kb/index.js';
import { type Block, paragraph, type Section, section } from './model.js';

/**
 * Templates are data (data/templates/<doc>.<lang>.yaml) so a consultancy can change wording and
 * citations without code. The builders decide WHICH sections exist and fill tables from the
 * project and evidence; the template supplies every title, sentence and label, and the citations
 * each section rests on. `{name}` placeholders are filled from the builder's variables.
 */
const TemplateSection = z
  .object({
    title: z.string().min(1),
    text: z.union([z.string(), z.array(z.string())]).optional(),
    cite: z.array(Citation).optional(),
  })
  .strict();

export const TemplateFile = z
  .object({
    version: z.string().min(1),
    title: z.string().min(1).optional(),
    sections: z.record(z.string(), TemplateSection).default({}),
    labels: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export type TemplateFile = z.infer<typeof TemplateFile>;

export type Vars = Record<string, string | number | undefined>;

/** Fills `{name}`; a variable the builder did not supply stays visible as `{name}` (a template bug a test catches). */
export function fill(text: string, vars: Vars = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    return v === undefined ? whole : String(v);
  });
}

/** One document's template joined with the shared labels (common.<lang>.yaml), ready for a builder. */
export class Template {
  constructor(
    readonly id: string,
    readonly lang: Lang,
    private readonly file: TemplateFile,
    private readonly common: TemplateFile,
    private readonly kb: Kb,
  ) {}

  get version(): string {
    return this.file.version;
  }

  get title(): string {
    if (!this.file.title)
      throw BeianError.of('CONFIG_INVALID', 'materials.template.noTitle', {
        file: `${this.id}.${this.lang}.yaml`,
      });
    return this.file.title;
  }

  /** A label or section neither this template nor the shared one has: named by file and path. */
  private missing(part: 'labels' | 'sections', key: string): BeianError {
    const file = `${this.id}.${this.lang}.yaml`;
    const [head, issue] =
      part === 'labels'
        ? (['materials.template.noLabel', 'materials.template.missingLabel'] as const)
        : (['materials.template.noSection', 'materials.template.missingSection'] as const);
    return BeianError.of(
      'CONFIG_INVALID',
      head,
      { file, key },
      { issues: [issueOf({ file, path: `${part}.${key}` }, issue)] },
    );
  }

  /** A label from this template, else from the shared one. */
  l(key: string, vars?: Vars): string {
    const text = this.file.labels[key] ?? this.common.labels[key];
    if (text === undefined) throw this.missing('labels', key);
    return fill(text, vars);
  }

  /**
   * A section: the template's title, paragraphs and citations, then the builder's blocks.
   * `withText: false` keeps only title and citations — for a section whose evidence is missing,
   * whose sentences would report numbers that do not exist.
   */
  sec(key: string, vars: Vars, blocks: Block[] = [], children: Section[] = [], withText = true): Section {
    const t = this.file.sections[key] ?? this.common.sections[key];
    if (!t) throw this.missing('sections', key);
    const texts = t.text === undefined || !withText ? [] : Array.isArray(t.text) ? t.text : [t.text];
    const cites = (t.cite ?? []).map((c) => formatCitation(this.kb, c, this.lang));
    return section(
      key,
      fill(t.title, vars),
      [...texts.map((x) => paragraph(fill(x, vars))), ...blocks],
      children,
      cites,
    );
  }

  /** Every citation source of the template, for the test that checks them against the KB. */
  citationSources(): string[] {
    return Object.values(this.file.sections).flatMap((s) => (s.cite ?? []).map((c) => c.source));
  }
}

/**
 * The portal's field-length limits (data/templates/portal-fields.yaml), keyed by the beian.yaml
 * field path with `[]` for list items, e.g. `algorithms[].principle`.
 */
export const PortalFieldsFile = z
  .object({
    version: z.string().min(1),
    confidence: z.enum(['verified', 'corroborated', 'unverified']),
    note: z.string().optional(),
    maxLength: z.record(z.string(), z.number().int().positive()),
  })
  .strict();
export type PortalFields = z.infer<typeof PortalFieldsFile>;

/** Parsed template files keyed `<doc>.<lang>` (the shared one is `common.<lang>`), plus portal limits. */
export interface TemplateSet {
  files: ReadonlyMap<string, TemplateFile>;
  portal: PortalFields;
}

export function templateFor(set: TemplateSet, id: string, lang: Lang, kb: Kb): Template {
  const file = set.files.get(`${id}.${lang}`);
  const common = set.files.get(`common.${lang}`);
  if (!file || !common) {
    throw BeianError.of('CONFIG_INVALID', 'materials.template.none', {
      file: `${file ? 'common' : id}.${lang}.yaml`,
    });
  }
  return new Template(id, lang, file, common, kb);
}
