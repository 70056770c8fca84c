/**
 * The document model: what every filing document is made of, independent of the output format.
 * Builders (docs/*.ts) produce it with pure functions from the project file and the Evidence;
 * renderers (render/*.ts) turn it into Markdown, HTML, DOCX, XLSX or PDF. All text is plain text
 * (never markup): each renderer escapes it for its own format.
 */

export type Format = 'md' | 'html' | 'docx' | 'xlsx' | 'pdf';
export const FORMATS: readonly Format[] = ['docx', 'xlsx', 'md', 'html', 'pdf'];

export type Cell = string | number | null;

/** A visible "to complete / 待补充" box: something the filer must still supply. */
export interface TodoBlock {
  kind: 'todo';
  text: string;
  /** a required item makes `beian materials check` fail */
  required: boolean;
  /** where to supply it: a beian.yaml path ("organisation.icp") or an evidence part ("evidence.redteam") */
  field?: string;
}

/** One field of a form (portal sheet): label, value, and the portal's length limit when known. */
export interface FieldRow {
  label: string;
  value: string | undefined;
  field: string;
  required: boolean;
  maxLength?: number;
  /** help for the filer, e.g. where the field sits in the portal */
  note?: string;
}

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'fields'; rows: FieldRow[] }
  | {
      kind: 'table';
      caption?: string;
      columns: string[];
      rows: Cell[][];
      /** sheet name in XLSX (≤ 31 chars); defaults to the caption */
      sheet?: string;
      /** column widths in characters, for XLSX/DOCX; optional */
      widths?: number[];
    }
  | {
      /** a bar chart as data; renderers draw bars where they can and always keep the numbers */
      kind: 'chart';
      title: string;
      unit: 'ratio' | 'count';
      bars: { label: string; value: number; threshold?: number; pass?: boolean }[];
    }
  | TodoBlock;

export interface RenderLabels {
  contents: string;
  citations: string;
  field: string;
  value: string;
  length: string;
  toComplete: string;
  tooLong: string;
  requiredMark: string;
}

export interface Section {
  /** stable key from the template ("overview"), unique among siblings */
  key: string;
  title: string;
  /** "1", "1.2", ... assigned by numberSections(); empty until then */
  number: string;
  /** formatted citations of the sources this section rests on */
  citations: string[];
  blocks: Block[];
  sections: Section[];
}

export interface MaterialDocument {
  /** stable id: the file name without extension (`algorithm-self-assessment`) */
  id: string;
  title: string;
  /** the organisation and subject(s), shown under the title */
  subtitle: string;
  lang: 'zh' | 'en';
  /** formats this document is produced in (exports are XLSX-first) */
  formats: readonly Format[];
  /** lines shown on the cover: KB version, template version, generation date */
  meta: { label: string; value: string }[];
  /** words the renderers print around the content (from the shared template) */
  labels: RenderLabels;
  sections: Section[];
}

export function section(
  key: string,
  title: string,
  blocks: Block[] = [],
  sections: Section[] = [],
  citations: string[] = [],
): Section {
  return { key, title, number: '', citations, blocks, sections };
}

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const todo = (text: string, field: string | undefined, required = true): TodoBlock => ({
  kind: 'todo',
  text,
  required,
  ...(field === undefined ? {} : { field }),
});

/** Assigns "1", "1.1", "1.1.1" ... in document order. Pure: returns new sections. */
export function numberSections(sections: readonly Section[], prefix = ''): Section[] {
  return sections.map((s, i) => {
    const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    return { ...s, number, sections: numberSections(s.sections, number) };
  });
}

/** Depth-first walk over every section with its depth (1 = top level). */
export function* walkSections(sections: readonly Section[], depth = 1): Generator<[Section, number]> {
  for (const s of sections) {
    yield [s, depth];
    yield* walkSections(s.sections, depth + 1);
  }
}

/** Characters as the portal counts them: code points (a Chinese character counts one). */
export const charCount = (text: string): number => [...text].length;

/** Something the filer still has to supply, found anywhere in a document. */
export interface Gap {
  document: string;
  section: string;
  text: string;
  required: boolean;
  field?: string;
  kind: 'missing' | 'too-long' | 'to-complete';
}

/** Every to-complete box, missing form field and over-long field of a document. */
export function gaps(doc: MaterialDocument): Gap[] {
  const out: Gap[] = [];
  for (const [s] of walkSections(doc.sections)) {
    const where = `${s.number} ${s.title}`;
    for (const b of s.blocks) {
      if (b.kind === 'todo') {
        out.push({
          document: doc.id,
          section: where,
          text: b.text,
          required: b.required,
          kind: 'to-complete',
          ...(b.field ? { field: b.field } : {}),
        });
      } else if (b.kind === 'fields') {
        for (const r of b.rows) {
          if (r.value === undefined || r.value.trim() === '') {
            out.push({
              document: doc.id,
              section: where,
              text: r.label,
              required: r.required,
              field: r.field,
              kind: 'missing',
            });
          } else if (r.maxLength !== undefined && charCount(r.value) > r.maxLength) {
            out.push({
              document: doc.id,
              section: where,
              text: `${r.label}: ${charCount(r.value)} > ${r.maxLength}`,
              required: true,
              field: r.field,
              kind: 'too-long',
            });
          }
        }
      }
    }
  }
  return out;
}

/** Number of visible to-complete items (boxes + empty fields), as reported in `--json`. */
export const toCompleteCount = (doc: MaterialDocument): number =>
  gaps(doc).filter((g) => g.kind !== 'too-long').length;
