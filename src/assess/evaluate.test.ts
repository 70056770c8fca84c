import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadKb } from '../kb/index.js';
import { parseProject } from '../project/parse.js';
import type { FilingStatus, ServiceDetermination } from './determination.js';
import { evaluate, evaluateService, test as testCondition } from './evaluate.js';
import { loadRules } from './load.js';
import {
  Answers,
  DATA_SOURCE_TYPES,
  FUNCTIONS,
  MODALITIES,
  MODEL_SOURCES,
  SERVICE_FORMS,
} from './questionnaire.js';
import { parseRuleSet } from './rules.js';

const kb = loadKb();
const rules = loadRules();
const statusOf = (s: ServiceDetermination, kind: string): FilingStatus | undefined =>
  s.filings.find((f) => f.kind === kind)?.status;
const filing = (s: ServiceDetermination, kind: string) => s.filings.find((f) => f.kind === kind)!;

describe('the worked cases of the brief', () => {
  const project = parseProject(
    readFileSync('test/fixtures/assess/worked-cases.yaml', 'utf8'),
    'worked-cases.yaml',
  );
  const d = evaluate(project.services, rules, kb);
  const svc = (id: string) => d.services.find((s) => s.id === id)!;

  it('short-video feed → algorithm filing, personalised push, nothing generative', () => {
    const s = svc('short-video-feed');
    expect(statusOf(s, 'algorithm-filing')).toBe('required');
    expect(filing(s, 'algorithm-filing').algorithmTypes).toEqual(['personalized-push']);
    expect(filing(s, 'algorithm-filing').reasons.map((r) => r.ruleId)).toContain('ALG-PUBLIC-OPINION');
    expect(filing(s, 'algorithm-filing').reasons[0]?.citation).toMatchObject({
      source: 'algorithm-recommendation-provisions',
      ref: '第二十四条',
    });
    expect(statusOf(s, 'genai-filing')).toBe('not-required');
    expect(statusOf(s, 'deep-synthesis-filing')).toBe('not-required');
    expect(statusOf(s, 'genai-registration')).toBe('not-required');
    // personal information is not described: only the data-export assessment stays open
    expect(s.toClarify.flatMap((c) => c.affects)).toEqual(s.toClarify.map(() => 'data-export-assessment'));
  });

  it('e-commerce search ranking → algorithm filing, ranking/selection and retrieval/filtering', () => {
    const s = svc('ecommerce-search');
    expect(statusOf(s, 'algorithm-filing')).toBe('required');
    expect(filing(s, 'algorithm-filing').algorithmTypes?.sort()).toEqual([
      'ranking-selection',
      'retrieval-filtering',
    ]);
    expect(statusOf(s, 'genai-filing')).toBe('not-required');
  });

  it('ChatGPT-like product on a self-trained model → generative-AI filing (not registration)', () => {
    const s = svc('chatgpt-like');
    expect(statusOf(s, 'genai-filing')).toBe('required');
    expect(statusOf(s, 'genai-registration')).toBe('not-required');
    expect(filing(s, 'genai-filing').timeline).toMatchObject({ minMonths: 3, maxMonths: 6 });
    expect(filing(s, 'genai-filing').materials.map((m) => m.id)).toContain('test-banks');
  });

  it('a company that recommends and trains a model → both filings', () => {
    const s = svc('recommend-and-train');
    expect(statusOf(s, 'algorithm-filing')).toBe('required');
    expect(statusOf(s, 'genai-filing')).toBe('required');
    expect(filing(s, 'algorithm-filing').algorithmTypes?.sort()).toEqual([
      'generation-synthesis',
      'personalized-push',
    ]);
  });

  it('covers the company as a whole', () => {
    const genai = d.company.find((c) => c.kind === 'genai-filing')!;
    expect(genai).toEqual({
      kind: 'genai-filing',
      status: 'required',
      services: ['chatgpt-like', 'recommend-and-train'],
      required: ['chatgpt-like', 'recommend-and-train'],
      likely: [],
    });
  });
});

describe('duties derived from the algorithm type (#19)', () => {
  const run = (functions: Answers['functions']) =>
    evaluateService(
      {
        id: 'x',
        name: 'x',
        answers: { publicMainland: true, publicOpinion: true, functions, generates: [] },
      },
      rules,
      kb,
    );
  it('a dispatch algorithm carries the workers’ rights of Art. 20; a recommender does not', () => {
    const ids = (s: ServiceDetermination) => filing(s, 'algorithm-filing').duties?.map((d) => d.id) ?? [];
    expect(ids(run(['schedule-decide']))).toEqual(
      expect.arrayContaining([
        'workers/order-allocation',
        'workers/pay',
        'workers/working-time',
        'workers/rewards-penalties',
      ]),
    );
    expect(ids(run(['recommend'])).some((id) => id.startsWith('workers/'))).toBe(false);
  });
  it('registration carries the display duty and the labelling duties', () => {
    const s = evaluateService(
      {
        id: 'x',
        name: 'x',
        answers: {
          publicMainland: true,
          generates: ['text'],
          model: { source: 'third-party-api', filed: true },
        },
      },
      rules,
      kb,
    );
    const ids = filing(s, 'genai-registration').duties?.map((d) => d.id) ?? [];
    expect(ids).toContain('registration/display');
    expect(ids).toContain('labelling/explicit-text');
  });
});

describe('company summary and service views agree (#19)', () => {
  const fd = parseProject(readFileSync('examples/food-delivery/beian.yaml', 'utf8'), 'beian.yaml');
  const demo = parseProject(readFileSync('examples/demo/beian.yaml', 'utf8'), 'beian.yaml');
  for (const [name, project] of [
    ['food-delivery', fd],
    ['demo', demo],
  ] as const) {
    it(`${name}: each service sits in a company row under the status its own view shows`, () => {
      const d = evaluate(project.services, rules, kb);
      for (const c of d.company) {
        for (const s of d.services) {
          const own = statusOf(s, c.kind);
          expect(c.required.includes(s.id)).toBe(own === 'required');
          expect(c.likely.includes(s.id)).toBe(own === 'likely');
        }
      }
    });
  }
  it('food-delivery: the chatbot is "likely" for the public-opinion assessment in both views', () => {
    const d = evaluate(fd.services, rules, kb);
    const row = d.company.find((c) => c.kind === 'public-opinion-assessment')!;
    expect(row.required).toEqual(['rider-dispatch']);
    expect(row.likely).toEqual(['support-bot']);
    expect(statusOf(d.services.find((s) => s.id === 'support-bot')!, 'public-opinion-assessment')).toBe(
      'likely',
    );
  });
});

/** One row per rule: minimal answers that make it fire, the filing it concludes, and the status. */
const ruleTable: { rule: string; answers: Answers; kind: string; status: FilingStatus; role?: string }[] = [
  {
    rule: 'ALG-PUBLIC-OPINION',
    answers: { publicMainland: true, publicOpinion: true, functions: ['rank'] },
    kind: 'algorithm-filing',
    status: 'required',
  },
  {
    rule: 'ALG-GENAI',
    answers: {
      publicMainland: true,
      publicOpinion: true,
      generates: ['text'],
      functions: ['generate-synthesise'],
    },
    kind: 'algorithm-filing',
    status: 'required',
  },
  {
    rule: 'ALG-NOT-PUBLIC',
    answers: { publicMainland: false, functions: ['rank'] },
    kind: 'algorithm-filing',
    status: 'not-required',
  },
  {
    rule: 'ALG-NO-OPINION',
    answers: { publicMainland: true, publicOpinion: false, functions: ['rank'] },
    kind: 'algorithm-filing',
    status: 'not-required',
  },
  {
    rule: 'ALG-NO-ALGORITHM',
    answers: { publicMainland: true, publicOpinion: true, functions: [], generates: [] },
    kind: 'algorithm-filing',
    status: 'not-required',
  },
  {
    rule: 'DS-PROVIDER',
    answers: { publicMainland: true, publicOpinion: true, generates: ['image'], technicalSupport: false },
    kind: 'deep-synthesis-filing',
    status: 'required',
    role: 'provider',
  },
  {
    rule: 'DS-FACE-VOICE',
    answers: { publicMainland: true, publicOpinion: true, generates: ['video'], faceVoice: true },
    kind: 'deep-synthesis-filing',
    status: 'required',
    role: 'provider',
  },
  {
    rule: 'DS-TECH-SUPPORT',
    answers: { publicMainland: false, generates: ['audio'], technicalSupport: true },
    kind: 'deep-synthesis-filing',
    status: 'required',
    role: 'technical-supporter',
  },
  {
    rule: 'DS-NOT-SYNTHESIS',
    answers: { generates: [], faceVoice: false, technicalSupport: false },
    kind: 'deep-synthesis-filing',
    status: 'not-required',
  },
  {
    rule: 'DS-NOT-PUBLIC',
    answers: { publicMainland: false, technicalSupport: false, generates: ['text'] },
    kind: 'deep-synthesis-filing',
    status: 'not-required',
  },
  {
    rule: 'GENAI-OWN-MODEL',
    answers: {
      publicMainland: true,
      publicOpinion: true,
      generates: ['text'],
      model: { source: 'fine-tuned' },
    },
    kind: 'genai-filing',
    status: 'required',
  },
  {
    rule: 'GENAI-OWN-MODEL-PRACTICE',
    answers: {
      publicMainland: true,
      publicOpinion: false,
      generates: ['text'],
      model: { source: 'self-trained' },
    },
    kind: 'genai-filing',
    status: 'likely',
  },
  {
    rule: 'GENAI-UNFILED-MODEL',
    answers: {
      publicMainland: true,
      publicOpinion: true,
      generates: ['text'],
      model: { source: 'third-party-api', filed: false },
    },
    kind: 'genai-filing',
    status: 'likely',
  },
  {
    rule: 'GENAI-NOT-GENERATIVE',
    answers: { generates: [], publicMainland: true },
    kind: 'genai-filing',
    status: 'not-required',
  },
  {
    rule: 'GENAI-FILED-API',
    answers: {
      publicMainland: true,
      publicOpinion: true,
      generates: ['text'],
      model: { source: 'third-party-api', filed: true },
    },
    kind: 'genai-filing',
    status: 'not-required',
  },
  {
    rule: 'REG-FILED-API',
    answers: { publicMainland: true, generates: ['text'], model: { source: 'third-party-api', filed: true } },
    kind: 'genai-registration',
    status: 'required',
  },
  {
    rule: 'REG-OWN-MODEL',
    answers: { publicMainland: true, generates: ['text'], model: { source: 'self-trained' } },
    kind: 'genai-registration',
    status: 'not-required',
  },
  {
    rule: 'REG-NOT-GENERATIVE',
    answers: { publicMainland: false },
    kind: 'genai-registration',
    status: 'not-required',
  },
  {
    rule: 'SA-PUBLIC-OPINION',
    answers: { publicMainland: true, publicOpinion: true, functions: ['recommend'] },
    kind: 'public-opinion-assessment',
    status: 'required',
  },
  {
    rule: 'SA-GENAI',
    answers: { publicMainland: true, publicOpinion: true, generates: ['text'] },
    kind: 'public-opinion-assessment',
    status: 'required',
  },
  {
    rule: 'SA-NONE',
    answers: { publicMainland: true, publicOpinion: false, functions: ['recommend'] },
    kind: 'public-opinion-assessment',
    status: 'not-required',
  },
  {
    rule: 'DE-CIIO',
    answers: { publicMainland: false, personalInfo: { processed: true, exportsAbroad: true, ciio: true } },
    kind: 'data-export-assessment',
    status: 'required',
  },
  {
    rule: 'DE-IMPORTANT-DATA',
    answers: { publicMainland: false, personalInfo: { processed: true, importantDataExported: true } },
    kind: 'data-export-assessment',
    status: 'required',
  },
  {
    rule: 'DE-VOLUME',
    answers: {
      publicMainland: false,
      personalInfo: { processed: true, exportsAbroad: true, peopleExported: 1_000_001 },
    },
    kind: 'data-export-assessment',
    status: 'required',
  },
  {
    rule: 'DE-NONE',
    answers: {
      publicMainland: false,
      generates: [],
      personalInfo: { processed: true, exportsAbroad: false },
    },
    kind: 'data-export-assessment',
    status: 'not-required',
  },
];

describe('each rule (table-driven)', () => {
  it('the table covers every shipped rule', () => {
    expect(new Set(ruleTable.map((r) => r.rule))).toEqual(new Set(rules.rules.map((r) => r.id)));
  });

  for (const row of ruleTable) {
    it(`${row.rule} → ${row.kind} ${row.status}`, () => {
      const answers = Answers.parse(row.answers);
      const s = evaluateService({ id: 'x', name: 'x', answers }, rules, kb);
      const f = filing(s, row.kind);
      expect(f.status).toBe(row.status);
      expect(f.reasons.filter((r) => r.outcome === 'fired').map((r) => r.ruleId)).toContain(row.rule);
      if (row.role) expect(f.role).toBe(row.role);
    });
  }

  it('the cross-border volume rule is strict "more than" the KB threshold', () => {
    const at = evaluateService(
      {
        id: 'x',
        name: 'x',
        answers: {
          publicMainland: false,
          generates: [],
          personalInfo: {
            processed: true,
            exportsAbroad: true,
            peopleExported: 1_000_000,
            importantDataExported: false,
            sensitivePeopleExported: 0,
            ciio: false,
          },
        },
      },
      rules,
      kb,
    );
    expect(statusOf(at, 'data-export-assessment')).toBe('not-required');
  });

  it('training data from abroad is an import, not an export: no data-export assessment (#19)', () => {
    const s = evaluateService(
      {
        id: 'x',
        name: 'x',
        answers: {
          publicMainland: true,
          publicOpinion: false,
          generates: ['text'],
          model: { source: 'self-trained' },
          trainingData: { fromAbroad: true },
          personalInfo: { processed: false },
        },
      },
      rules,
      kb,
    );
    expect(statusOf(s, 'data-export-assessment')).toBe('not-required');
    expect(statusOf(s, 'public-opinion-assessment')).toBe('not-required');
  });

  it('the two assessments have their own basis, triggers, materials and timing (#19)', () => {
    const po = kb.filingKinds.find((k) => k.id === 'public-opinion-assessment');
    const de = kb.filingKinds.find((k) => k.id === 'data-export-assessment');
    expect(po?.legalBasis.map((c) => `${c.source}${c.ref ?? ''}`)).toEqual(
      expect.arrayContaining([
        'algorithm-recommendation-provisions第二十七条',
        'deep-synthesis-provisions第二十条',
        'genai-interim-measures第十七条',
      ]),
    );
    expect(de?.legalBasis.map((c) => c.source)).toContain('cross-border-data-provisions-2024');
    expect(po?.legalBasis.map((c) => c.source)).not.toContain('cross-border-data-provisions-2024');
    expect(de?.materials.map((m) => m.id)).toContain('pipia');
    expect(po?.materials.map((m) => m.id)).not.toContain('pipia');
    expect(po?.deadlineNote?.zh).toMatch(/上线/);
    expect(de?.deadlineNote?.zh).toMatch(/出境之前/);
    const rulesOf = (k: string) => rules.rules.filter((r) => r.filing === k).map((r) => r.id);
    expect(rulesOf('public-opinion-assessment').every((id) => id.startsWith('SA-'))).toBe(true);
    expect(rulesOf('data-export-assessment').every((id) => id.startsWith('DE-'))).toBe(true);
  });

  it('a rules file written with the old kind id still loads (alias)', () => {
    const legacy = parseRuleSet({
      ...rules,
      rules: rules.rules.map((r) =>
        r.filing === 'public-opinion-assessment' ? { ...r, filing: 'security-assessment' } : r,
      ),
    });
    expect(legacy.rules.find((r) => r.id === 'SA-PUBLIC-OPINION')?.filing).toBe('public-opinion-assessment');
  });
});

describe('unknowns and three-valued logic', () => {
  it('false dominates all(), true dominates any(), otherwise unknown names the open facts', () => {
    const facts = { publicMainland: undefined, publicOpinion: false } as Parameters<typeof testCondition>[1];
    expect(
      testCondition(
        {
          all: [
            { fact: 'publicMainland', is: true },
            { fact: 'publicOpinion', is: true },
          ],
        },
        facts,
      ).value,
    ).toBe(false);
    expect(
      testCondition(
        {
          any: [
            { fact: 'publicMainland', is: true },
            { fact: 'publicOpinion', is: false },
          ],
        },
        facts,
      ).value,
    ).toBe(true);
    const open = testCondition(
      { all: [{ fact: 'publicMainland', is: true }, { not: { fact: 'publicOpinion', is: true } }] },
      facts,
    );
    expect(open.value).toBeUndefined();
    expect([...open.unknown]).toEqual(['publicMainland']);
  });

  it('an unanswered question that could make a filing required is listed to clarify and makes it "likely"', () => {
    const s = evaluateService(
      { id: 'x', name: 'x', answers: { publicMainland: true, functions: ['recommend'], generates: [] } },
      rules,
      kb,
    );
    expect(statusOf(s, 'algorithm-filing')).toBe('likely');
    expect(s.toClarify.find((c) => c.field === 'answers.publicOpinion')?.affects).toContain(
      'algorithm-filing',
    );
  });

  it('infers public-opinion attributes from a listed service form and says so', () => {
    const s = evaluateService(
      {
        id: 'x',
        name: 'x',
        answers: {
          publicMainland: true,
          functions: ['recommend'],
          serviceForms: ['live-streaming'],
          generates: [],
        },
      },
      rules,
      kb,
    );
    expect(statusOf(s, 'algorithm-filing')).toBe('required');
    expect(filing(s, 'algorithm-filing').reasons.map((r) => r.ruleId)).toContain('INFER-publicOpinion');
  });
});

const answersArb: fc.Arbitrary<unknown> = fc.record(
  {
    publicMainland: fc.boolean(),
    functions: fc.subarray([...FUNCTIONS]),
    publicOpinion: fc.boolean(),
    serviceForms: fc.subarray([...SERVICE_FORMS]),
    generates: fc.subarray([...MODALITIES]),
    faceVoice: fc.boolean(),
    model: fc.record(
      {
        source: fc.constantFrom(...MODEL_SOURCES),
        filed: fc.boolean(),
        parametersBillions: fc.double({ min: 0, max: 2000, noNaN: true }),
      },
      { requiredKeys: ['source'] },
    ),
    technicalSupport: fc.boolean(),
    usersReached: fc.nat(),
    trainingData: fc.record(
      { sources: fc.subarray([...DATA_SOURCE_TYPES]), fromAbroad: fc.boolean() },
      { requiredKeys: [] },
    ),
    personalInfo: fc.record(
      {
        processed: fc.boolean(),
        sensitive: fc.boolean(),
        profiling: fc.boolean(),
        exportsAbroad: fc.boolean(),
        peopleExported: fc.nat(3_000_000),
        sensitivePeopleExported: fc.nat(50_000),
        ciio: fc.boolean(),
        importantDataExported: fc.boolean(),
      },
      { requiredKeys: ['processed'] },
    ),
  },
  { requiredKeys: [] },
);

describe('properties', () => {
  it('evaluate() never throws and is deterministic on any schema-valid answers', () => {
    fc.assert(
      fc.property(answersArb, (raw) => {
        const parsed = Answers.safeParse(raw);
        fc.pre(parsed.success);
        const service = { id: 's', name: 's', answers: parsed.data! };
        const a = evaluateService(service, rules, kb);
        expect(a.filings).toHaveLength(6);
        expect(evaluateService(service, rules, kb)).toEqual(a);
      }),
      { numRuns: 400 },
    );
  });

  it('no AI, no algorithm, not public never yields a required filing', () => {
    fc.assert(
      fc.property(answersArb, (raw) => {
        const base = Answers.safeParse(raw);
        fc.pre(base.success);
        const answers = Answers.safeParse({
          ...base.data,
          publicMainland: false,
          functions: [],
          generates: [],
          faceVoice: false,
          technicalSupport: false,
          model: { source: 'none' },
          personalInfo: { processed: false },
        });
        fc.pre(answers.success);
        const s = evaluateService({ id: 's', name: 's', answers: answers.data! }, rules, kb);
        expect(s.filings.filter((f) => f.status === 'required')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
