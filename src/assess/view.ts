import { type Lang, translator } from '../i18n/index.js';
import { formatCitation, type Kb } from '../kb/index.js';
import type { Citation, FilingKindId } from '../kb/schema.js';
import type { Service } from '../project/schema.js';
import type { CompanyFiling, FilingStatus, PortfolioDetermination } from './determination.js';

/**
 * The `beian assess --json` contract: the determination with texts in one language. Stable field
 * names (README "Contracts"); additions only.
 */
export interface AssessView {
  rulesetVersion: string;
  kbVersion: string;
  lang: Lang;
  services: {
    id: string;
    name: string;
    filings: {
      kind: FilingKindId;
      title: string;
      status: FilingStatus;
      algorithmTypes?: string[];
      /** the algorithm types' names in the view's language */
      algorithmTypeTitles?: string[];
      role?: string;
      reasons: {
        ruleId: string;
        text: string;
        citation: Citation & { text: string };
        outcome: 'fired' | 'pending';
      }[];
      materials: { id: string; title: string }[];
      timeline: { minMonths: number | null; maxMonths: number | null; note: string };
      deadlines: { event: string; workingDays: number; text: string }[];
      consequences: string[];
      /** duties that come with the filing (labelling, workers' rights for dispatch algorithms) */
      duties?: { id: string; title: string; text: string; citation: string }[];
      /** for required filings: the filing number recorded in beian.yaml, or null when none is */
      filingNumber?: string | null;
    }[];
    toClarify: { field: string; question: string; affects: FilingKindId[] }[];
  }[];
  company: CompanyFiling[];
  /** required filings with no filing number on record: the reason for exit code 1 */
  missing: { service: string; kind: FilingKindId }[];
}

/** Filing kinds whose number is recorded on an algorithm (网信算备…) or a model. */
const NUMBER_HOLDER: Partial<Record<FilingKindId, 'algorithms' | 'models'>> = {
  'algorithm-filing': 'algorithms',
  'deep-synthesis-filing': 'algorithms',
  'genai-filing': 'models',
  'genai-registration': 'models',
};

function recordedNumber(service: Service | undefined, kind: FilingKindId): string | null | undefined {
  const holder = NUMBER_HOLDER[kind];
  if (!holder) return undefined;
  if (kind === 'genai-registration' && service?.registration?.number) return service.registration.number;
  const list = (service?.[holder] ?? []) as { filingNumber?: string | undefined }[];
  return list.find((x) => x.filingNumber)?.filingNumber ?? null;
}

/** Localises a determination and checks recorded filing numbers. Pure. */
export function assessView(
  d: PortfolioDetermination,
  services: readonly Service[],
  kb: Kb,
  lang: Lang,
): AssessView {
  const missing: AssessView['missing'] = [];
  const kindTitle = (id: FilingKindId) => kb.filingKinds.find((k) => k.id === id)?.title[lang] ?? id;
  return {
    rulesetVersion: d.rulesetVersion,
    kbVersion: d.kbVersion,
    lang,
    services: d.services.map((s) => ({
      id: s.id,
      name: s.name,
      filings: s.filings.map((f) => {
        const number =
          f.status === 'required'
            ? recordedNumber(
                services.find((x) => x.id === s.id),
                f.kind,
              )
            : undefined;
        if (number === null) missing.push({ service: s.id, kind: f.kind });
        return {
          kind: f.kind,
          title: kindTitle(f.kind),
          status: f.status,
          ...(f.algorithmTypes
            ? {
                algorithmTypes: f.algorithmTypes,
                algorithmTypeTitles: f.algorithmTypes.map(
                  (id) => kb.algorithmTypes.find((x) => x.id === id)?.title[lang] ?? id,
                ),
              }
            : {}),
          ...(f.role ? { role: f.role } : {}),
          reasons: f.reasons.map((r) => ({
            ruleId: r.ruleId,
            text: r.text[lang],
            citation: { ...r.citation, text: formatCitation(kb, r.citation, lang) },
            outcome: r.outcome,
          })),
          materials: f.materials.map((m) => ({ id: m.id, title: m.title[lang] })),
          timeline: {
            minMonths: f.timeline.minMonths,
            maxMonths: f.timeline.maxMonths,
            note: f.timeline.note[lang],
          },
          deadlines: f.deadlines.map((x) => ({
            event: x.event,
            workingDays: x.workingDays,
            text: x.text[lang],
          })),
          consequences: f.consequences.map((c) => c.text[lang]),
          ...(f.duties
            ? {
                duties: f.duties.map((d) => ({
                  id: d.id,
                  title: d.title[lang],
                  text: d.text[lang],
                  citation: d.citations.map((c) => formatCitation(kb, c, lang)).join('；'),
                })),
              }
            : {}),
          ...(number === undefined ? {} : { filingNumber: number }),
        };
      }),
      toClarify: s.toClarify.map((c) => ({ field: c.field, question: c.question[lang], affects: c.affects })),
    })),
    company: d.company,
    missing,
  };
}

/**
 * The services of a company row, each under its own status ("必须：a；可能需要：b"), so the summary
 * can never call a service's filing required while its service view says "likely".
 */
export function companyServices(c: CompanyFiling, label: (s: FilingStatus) => string, lang: Lang): string {
  const t = translator(lang);
  const group = (s: FilingStatus, ids: readonly string[]) =>
    ids.length
      ? [t('assess.company.group', { status: label(s), services: ids.join(t('assess.company.sep')) })]
      : [];
  return [...group('required', c.required), ...group('likely', c.likely)].join(t('assess.company.groupSep'));
}
