import type { Lang } from '../../i18n/index.js';
import type { FilingKindId, Kb } from '../../kb/index.js';
import type { Algorithm, ModelEntry, ProjectFile, Service } from '../../project/index.js';
import type { Evidence } from '../evidence.js';
import type { Format, Section } from '../model.js';
import type { Template, TemplateSet } from '../template.js';

export interface AlgorithmSubject {
  service: Service;
  algorithm: Algorithm;
  /** beian.yaml path of the algorithm, e.g. services[0].algorithms[1] */
  path: string;
}
export interface ModelSubject {
  service: Service;
  model: ModelEntry;
  path: string;
}

/** What the documents are about: chosen from the determination (or the inventory when there is none). */
export interface Subjects {
  algorithms: AlgorithmSubject[];
  models: ModelSubject[];
  /** services for which deep-synthesis filing applies (only known from a determination) */
  deepSynthesis: Service[];
  /** services that register (登记) an app calling a filed model */
  registrations: ServiceSubject[];
  /** services the public-opinion security assessment applies to */
  publicOpinion: ServiceSubject[];
}

export interface ServiceSubject {
  service: Service;
  /** beian.yaml path of the service, e.g. services[3] */
  path: string;
}

/** What every document is built from. */
export interface Sources {
  project: ProjectFile;
  evidence: Evidence;
  kb: Kb;
  templates: TemplateSet;
  lang: Lang;
  /** generation date (ISO yyyy-mm-dd), passed in so builds are reproducible */
  date: string;
}

export interface BuildContext extends Sources {
  subjects: Subjects;
}

export type Family = 'algorithm' | 'genai' | 'deep-synthesis' | 'registration' | 'public-opinion';

/** One document kind: which filing it belongs to, its formats, and its pure builder. */
export interface DocumentDef {
  id: string;
  family: Family;
  /** the KB filing kind the document is a material of */
  filing: FilingKindId;
  formats: readonly Format[];
  build: (ctx: BuildContext, tpl: Template) => Section[];
}

/** Formats of prose documents and of forms/exports. */
export const PROSE: readonly Format[] = ['docx', 'md', 'html', 'pdf'];
export const FORM: readonly Format[] = ['docx', 'xlsx', 'md', 'html', 'pdf'];
export const EXPORT: readonly Format[] = ['xlsx', 'md', 'html'];
