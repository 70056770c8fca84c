import type { PortfolioDetermination } from '../assess/determination.js';
import type { FilingKindId } from '../kb/schema.js';
import type { ProjectFile } from '../project/schema.js';
import { canonicalFilingNumber } from './filing-number.js';

/**
 * The inventory read from beian.yaml: services and what they run (algorithms, models), and the
 * filings each needs — one per (algorithm or model, filing kind). Pure: sync compares it with the
 * stored registry.
 */
export type SubjectType = 'algorithm' | 'model' | 'service';

export interface InventoryService {
  id: string;
  name: string;
  owner: string | null;
  description: string | null;
  launchDate: string | null;
  answersJson: string;
}

export interface InventorySubject {
  serviceId: string;
  type: SubjectType;
  id: string;
  name: string;
  detailsJson: string;
}

export interface PlannedFiling {
  id: string;
  serviceId: string;
  subjectType: SubjectType;
  subjectId: string;
  kind: FilingKindId;
  /** why the filing exists: the assessment's status, or the inventory fallback */
  basis: 'required' | 'likely' | 'inventory';
  /** a number already issued (algorithms[].filingNumber / models[].filingNumber) */
  filingNumber: string | null;
}

export interface Inventory {
  organisation: string | null;
  services: InventoryService[];
  subjects: InventorySubject[];
  filings: PlannedFiling[];
}

export const filingId = (serviceId: string, subjectId: string, kind: string): string =>
  `${serviceId}:${subjectId}:${kind}`;

type ProjectService = ProjectFile['services'][number];

/** Without an assessment, the inventory itself says what is likely needed. */
function fallbackKinds(s: ProjectService): FilingKindId[] {
  const kinds: FilingKindId[] = [];
  if (s.algorithms?.length) kinds.push('algorithm-filing');
  if (s.algorithms?.some((a) => a.types?.includes('generation-synthesis')))
    kinds.push('deep-synthesis-filing');
  if (
    s.models?.length ||
    s.answers.model?.source === 'self-trained' ||
    s.answers.model?.source === 'fine-tuned'
  ) {
    if (s.answers.functions?.includes('generate-synthesise')) kinds.push('genai-filing');
  }
  if (s.answers.model?.source === 'third-party-api') kinds.push('genai-registration');
  return kinds;
}

/** The subjects a filing kind attaches to: algorithms for algorithm filings, models for model filings. */
function subjectsFor(kind: FilingKindId, service: ProjectService): { type: SubjectType; id: string }[] {
  const self = [{ type: 'service' as const, id: service.id }];
  if (kind === 'algorithm-filing' || kind === 'deep-synthesis-filing') {
    const algos = service.algorithms ?? [];
    const synth = algos.filter((a) => a.types?.includes('generation-synthesis'));
    const pick = kind === 'deep-synthesis-filing' && synth.length ? synth : algos;
    return pick.length ? pick.map((a) => ({ type: 'algorithm' as const, id: a.id })) : self;
  }
  if (kind === 'genai-filing') {
    const models = service.models ?? [];
    return models.length ? models.map((m) => ({ type: 'model' as const, id: m.id })) : self;
  }
  return self;
}

export function buildInventory(project: ProjectFile, determination?: PortfolioDetermination): Inventory {
  const services: InventoryService[] = [];
  const subjects: InventorySubject[] = [];
  const filings: PlannedFiling[] = [];
  for (const s of project.services) {
    services.push({
      id: s.id,
      name: s.name,
      owner: s.owner ?? null,
      description: s.description ?? null,
      launchDate: s.answers.launchDate ?? null,
      answersJson: JSON.stringify(s.answers),
    });
    const numbers = new Map<string, string>();
    for (const a of s.algorithms ?? []) {
      subjects.push({
        serviceId: s.id,
        type: 'algorithm',
        id: a.id,
        name: a.name,
        detailsJson: JSON.stringify(a),
      });
      if (a.filingNumber) numbers.set(`algorithm:${a.id}`, canonicalFilingNumber(a.filingNumber));
    }
    for (const m of s.models ?? []) {
      subjects.push({
        serviceId: s.id,
        type: 'model',
        id: m.id,
        name: m.name,
        detailsJson: JSON.stringify(m),
      });
      if (m.filingNumber) numbers.set(`model:${m.id}`, canonicalFilingNumber(m.filingNumber));
    }
    subjects.push({ serviceId: s.id, type: 'service', id: s.id, name: s.name, detailsJson: '{}' });
    if (s.registration?.number) numbers.set(`service:${s.id}`, canonicalFilingNumber(s.registration.number));
    const det = determination?.services.find((d) => d.id === s.id);
    const kinds: { kind: FilingKindId; basis: PlannedFiling['basis'] }[] = det
      ? det.filings
          .filter((f) => f.status !== 'not-required')
          .map((f) => ({ kind: f.kind, basis: f.status as 'required' | 'likely' }))
      : fallbackKinds(s).map((kind) => ({ kind, basis: 'inventory' as const }));
    for (const { kind, basis } of kinds) {
      for (const subj of subjectsFor(kind, s)) {
        filings.push({
          id: filingId(s.id, subj.id, kind),
          serviceId: s.id,
          subjectType: subj.type,
          subjectId: subj.id,
          kind,
          basis,
          filingNumber: numbers.get(`${subj.type}:${subj.id}`) ?? null,
        });
      }
    }
  }
  return { organisation: project.organisation?.name ?? null, services, subjects, filings };
}
