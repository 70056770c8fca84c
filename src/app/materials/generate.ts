import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { BeianError, jsonReason, osReason } from '../../errors.js';
import type { Lang } from '../../i18n/index.js';
import { MANIFEST, writeManifest } from '../../io/atomic.js';
import type { Kb } from '../../kb/index.js';
import { buildMaterials, type ExternalMaterial, materialsPlan } from '../../materials/build.js';
import { EVIDENCE_PARTS, type Evidence, EvidenceSchema } from '../../materials/evidence.js';
import { loadTemplates } from '../../materials/load-templates.js';
import {
  type Format,
  type Gap,
  gaps,
  type MaterialDocument,
  toCompleteCount,
} from '../../materials/model.js';
import { renderers } from '../../materials/render/index.js';
import { type ProjectFile, parseProject } from '../../project/index.js';
import type { Store } from '../../store/index.js';
import { validated } from '../../util/zod-issues.js';
import { assessProject } from '../assess.js';
import { launchPdfPrinter, type PdfPrinter } from './chromium.js';
import { gatherEvidence } from './gather-evidence.js';

export interface MaterialsInput {
  /** path of beian.yaml */
  config: string;
  /** a JSON file with the Evidence (materials/evidence.ts); optional */
  evidenceFile?: string;
  /** an Evidence object given directly (library use, demo); merged over the file */
  evidence?: Evidence;
  /** read the latest stored results (scan, pii, red team, fairness) from this store; the file and `evidence` override its parts */
  store?: Store;
  /** the knowledge base, loaded once by the caller */
  kb: Kb;
  templatesDir?: string;
  lang: Lang;
  now: Date;
  only?: readonly string[];
  service?: string;
}

export interface Loaded {
  project: ProjectFile;
  evidence: Evidence;
  kb: Kb;
  documents: MaterialDocument[];
  /** materials the determination calls for that beian does not generate (prepared elsewhere) */
  external: ExternalMaterial[];
}

async function readText(file: string, what: 'evidence' | 'project'): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    const key = what === 'evidence' ? 'materials.cannotReadEvidence' : 'project.cannotRead';
    throw BeianError.of('NOT_FOUND', key, { file, reason: osReason(cause) }, { cause });
  }
}

export async function readEvidence(file: string): Promise<Evidence> {
  const text = await readText(file, 'evidence');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw BeianError.of('INPUT_INVALID', 'file.notJson', { file, reason: jsonReason(cause) }, { cause });
  }
  return validated(EvidenceSchema, raw, file, 'INPUT_INVALID', 'materials.badEvidence');
}

/** Reads the project, evidence, KB and templates, and builds the document models (no rendering). */
export async function loadMaterials(input: MaterialsInput): Promise<Loaded> {
  const project = parseProject(await readText(input.config, 'project'), input.config);
  const fromFile = input.evidenceFile ? await readEvidence(input.evidenceFile) : {};
  const { kb } = input;
  const stored = input.store
    ? await gatherEvidence(input.store, kb, project, { projectFile: input.config, lang: input.lang })
    : {};
  const given: Evidence = { ...stored, ...fromFile, ...(input.evidence ?? {}) };
  // Which filings apply comes from the assessment: evaluated here from the same project file
  // when the caller did not supply one (it is deterministic and needs nothing else).
  const evidence: Evidence = given.determination
    ? given
    : {
        ...given,
        determination: assessProject(project, input.lang, { kb, file: input.config }).determination,
      };
  const templates = loadTemplates(input.templatesDir);
  const documents = buildMaterials({
    project,
    evidence,
    kb,
    templates,
    lang: input.lang,
    date: input.now.toISOString().slice(0, 10),
    ...(input.only ? { only: input.only } : {}),
    ...(input.service ? { service: input.service } : {}),
  });
  const external = evidence.determination
    ? materialsPlan(evidence.determination, kb, input.service).external
    : [];
  return { project, evidence, kb, documents, external };
}

const PDF_PARALLEL = 3;

export interface GeneratedDocument {
  id: string;
  title: string;
  files: string[];
  toComplete: number;
}

/**
 * Writes one file per document and format (`<out>/<id>.<ext>`); a document is written only in the
 * formats it supports (exports are XLSX/HTML/Markdown). `onProgress` is called after each file.
 */
export async function generateMaterials(
  input: MaterialsInput & { out: string; formats: readonly Format[]; env: NodeJS.ProcessEnv },
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ documents: GeneratedDocument[]; external: ExternalMaterial[] }> {
  const { documents, external } = await loadMaterials(input);
  const out = resolve(input.out);
  try {
    await mkdir(out, { recursive: true });
  } catch (cause) {
    throw BeianError.of('ENVIRONMENT', 'file.cannotMkdir', { dir: out, reason: osReason(cause) }, { cause });
  }
  const formatRank = (file: string) => input.formats.indexOf(file.slice(file.lastIndexOf('.') + 1) as Format);
  const jobs = documents.flatMap((d) =>
    input.formats.filter((f) => d.formats.includes(f)).map((f) => [d, f] as const),
  );
  let printer: PdfPrinter | undefined;
  if (jobs.some(([, f]) => f === 'pdf')) printer = await launchPdfPrinter(input.env);
  const result = new Map<string, GeneratedDocument>(
    documents.map((d) => [d.id, { id: d.id, title: d.title, files: [], toComplete: toCompleteCount(d) }]),
  );
  // Every document is rendered to a temporary file first; only when all are whole are they moved
  // into place, with the manifest last: the folder never mixes documents of two runs unnoticed.
  const staged: Array<{ temp: string; file: string }> = [];
  let published = false;
  try {
    let done = 0;
    const write = async ([doc, format]: (typeof jobs)[number]) => {
      const r = renderers[format];
      const content = await r.render(doc, printer ? { printPdf: printer.printPdf } : {});
      const file = join(out, `${doc.id}.${r.extension}`);
      const temp = join(out, `.${doc.id}.${r.extension}.${process.pid}.tmp`);
      await writeFile(temp, content);
      staged.push({ temp, file });
      result.get(doc.id)?.files.push(file);
      onProgress(++done, jobs.length);
    };
    for (const job of jobs.filter(([, f]) => f !== 'pdf')) await write(job);
    // Chromium spends most of a PDF embedding CJK fonts: a few pages in parallel save ~20 %.
    const pdfs = jobs.filter(([, f]) => f === 'pdf');
    for (let i = 0; i < pdfs.length; i += PDF_PARALLEL)
      await Promise.all(pdfs.slice(i, i + PDF_PARALLEL).map(write));
    // files in the order of the requested formats, whatever order they were written in
    for (const g of result.values()) g.files.sort((a, b) => formatRank(a) - formatRank(b));
    await publish(out, staged, input.now);
    published = true;
  } finally {
    await printer?.close();
    if (!published) await Promise.all(staged.map((f) => rm(f.temp, { force: true })));
  }
  return { documents: [...result.values()], external };
}

export interface CheckResult {
  ok: boolean;
  documents: { id: string; title: string; gaps: Gap[] }[];
  external: ExternalMaterial[];
  /** evidence parts supplied */
  evidence: Record<string, boolean>;
}

/** Every missing field, over-long field and to-complete box across all documents. */
export async function checkMaterials(input: MaterialsInput): Promise<CheckResult> {
  const { documents, evidence, external } = await loadMaterials(input);
  const docs = documents.map((d) => ({ id: d.id, title: d.title, gaps: gaps(d) }));
  return {
    ok: docs.every((d) => d.gaps.every((g) => !g.required)),
    documents: docs,
    external,
    evidence: Object.fromEntries(EVIDENCE_PARTS.map((p) => [p, evidence[p] !== undefined])),
  };
}

/**
 * Moves the staged documents into place and writes the manifest last. The old manifest goes
 * first, so a run killed half-way leaves no `complete: true`; documents the previous run listed
 * and this one did not make are removed.
 */
async function publish(
  out: string,
  staged: readonly { temp: string; file: string }[],
  now: Date,
): Promise<void> {
  const manifestFile = join(out, MANIFEST);
  const previous = await readFile(manifestFile, 'utf8').then(
    (t) => (JSON.parse(t) as { files?: { file?: string }[] }).files ?? [],
    () => [],
  );
  await rm(manifestFile, { force: true });
  for (const f of staged) await rename(f.temp, f.file);
  const names = new Set(staged.map((f) => basename(f.file)));
  for (const p of previous)
    if (typeof p.file === 'string' && !names.has(p.file) && basename(p.file) === p.file)
      await rm(join(out, p.file), { force: true });
  await writeManifest(
    out,
    staged.map((f) => ({ file: basename(f.file) })),
    now,
  );
}
