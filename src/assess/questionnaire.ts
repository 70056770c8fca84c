import { z } from 'zod';

/**
 * The applicability questionnaire for one service. Every answer is optional: an unanswered question
 * that changes the outcome is reported as "to clarify" rather than guessed. Field names are the
 * contract of `beian.yaml` (services[].answers) and of the web form.
 */
export const FUNCTIONS = [
  'recommend',
  'rank',
  'retrieve-filter',
  'schedule-decide',
  'generate-synthesise',
] as const;
export const MODALITIES = ['text', 'image', 'audio', 'video', 'virtual-scene'] as const;
/** Service forms the 2018 security-assessment provisions name as having public-opinion attributes (Art. 2). */
export const SERVICE_FORMS = [
  'forum',
  'blog',
  'microblog',
  'chat-room',
  'group-messaging',
  'public-account',
  'short-video',
  'live-streaming',
  'information-sharing',
  'mini-program',
  'search',
  'e-commerce',
  'news',
  'chatbot',
  'api',
  'enterprise-internal',
  'other',
] as const;
export const MODEL_SOURCES = ['none', 'self-trained', 'fine-tuned', 'third-party-api'] as const;
export const DATA_SOURCE_TYPES = [
  'open-source',
  'self-collected',
  'commercial',
  'user-generated',
  'crawled',
] as const;

const Model = z
  .object({
    /** where the model comes from: trained here, fine-tuned here, or called through another provider's API */
    source: z.enum(MODEL_SOURCES),
    name: z.string().min(1).optional(),
    /** for third-party-api: is the called model itself filed (备案) with the CAC? */
    filed: z.boolean().optional(),
    /** parameter count in billions (informative: the law sets no parameter threshold) */
    parametersBillions: z.number().nonnegative().optional(),
    provider: z.string().optional(),
    /** for third-party-api: the called model's own filing number (shown with its name, 登记 display duty) */
    filingNumber: z.string().optional(),
  })
  .strict();

const TrainingData = z
  .object({
    sources: z.array(z.enum(DATA_SOURCE_TYPES)).optional(),
    /** any training data collected from or stored abroad */
    fromAbroad: z.boolean().optional(),
  })
  .strict();

const PersonalInfo = z
  .object({
    processed: z.boolean(),
    sensitive: z.boolean().optional(),
    /** user profiling / personalised decisions based on personal characteristics */
    profiling: z.boolean().optional(),
    /** personal information is provided to recipients abroad */
    exportsAbroad: z.boolean().optional(),
    /** people whose personal information was exported since 1 January of this year */
    peopleExported: z.number().int().nonnegative().optional(),
    /** people whose sensitive personal information was exported since 1 January of this year */
    sensitivePeopleExported: z.number().int().nonnegative().optional(),
    /** the provider is a critical information infrastructure operator (关键信息基础设施运营者) */
    ciio: z.boolean().optional(),
    /** important data (重要数据) is exported */
    importantDataExported: z.boolean().optional(),
  })
  .strict();

export const Answers = z
  .object({
    /** offered to the public in mainland China (not only internal or abroad) */
    publicMainland: z.boolean().optional(),
    /** what the algorithm does; one service can do several */
    functions: z.array(z.enum(FUNCTIONS)).optional(),
    /** has public-opinion attributes or social-mobilisation capability (具有舆论属性或者社会动员能力) */
    publicOpinion: z.boolean().optional(),
    /** the forms the service takes; several imply public-opinion attributes */
    serviceForms: z.array(z.enum(SERVICE_FORMS)).optional(),
    /** modalities it generates or edits; [] when it generates nothing */
    generates: z.array(z.enum(MODALITIES)).optional(),
    /** synthesises or edits faces or voices (人脸、人声) */
    faceVoice: z.boolean().optional(),
    model: Model.optional(),
    /** offers technical support (B2B) to other deep-synthesis providers */
    technicalSupport: z.boolean().optional(),
    usersReached: z.number().int().nonnegative().optional(),
    trainingData: TrainingData.optional(),
    personalInfo: PersonalInfo.optional(),
    /** date the service started or will start (YYYY-MM-DD): filing deadlines count from it */
    launchDate: z.iso.date().optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    // The English message stays zod's; `params.key` names the catalogue text shown to the user.
    const issue = (
      path: (string | number)[],
      message: string,
      key: string,
      values: Record<string, string> = {},
    ) => ctx.addIssue({ code: 'custom', path, message, params: { key, ...values } });
    const generatesSomething = (a.generates?.length ?? 0) > 0;
    if (a.functions?.includes('generate-synthesise') && a.generates && a.generates.length === 0) {
      issue(
        ['generates'],
        'contradiction: functions includes generate-synthesise but generates is empty',
        'assess.issue.generatesEmpty',
      );
    }
    if (generatesSomething && a.functions && !a.functions.includes('generate-synthesise')) {
      issue(
        ['functions'],
        'contradiction: generates lists modalities but functions lacks generate-synthesise',
        'assess.issue.functionsLackGeneration',
      );
    }
    if (generatesSomething && a.model?.source === 'none') {
      issue(
        ['model', 'source'],
        'contradiction: the service generates content but model.source is "none"',
        'assess.issue.noModel',
      );
    }
    if (
      a.faceVoice &&
      a.generates &&
      !a.generates.some((m) => m === 'image' || m === 'video' || m === 'audio')
    ) {
      issue(
        ['faceVoice'],
        'contradiction: face/voice synthesis needs image, video or audio in generates',
        'assess.issue.faceVoice',
      );
    }
    if (a.model?.filed !== undefined && a.model.source !== 'third-party-api') {
      issue(
        ['model', 'filed'],
        'model.filed applies only when model.source is "third-party-api"',
        'assess.issue.filed',
      );
    }
    const pi = a.personalInfo;
    if (pi && !pi.processed) {
      for (const key of [
        'sensitive',
        'profiling',
        'exportsAbroad',
        'ciio',
        'importantDataExported',
      ] as const) {
        if (pi[key] === true && key !== 'ciio' && key !== 'importantDataExported') {
          issue(
            ['personalInfo', key],
            `contradiction: personalInfo.processed is false but ${key} is true`,
            'assess.issue.notProcessed',
            { field: key },
          );
        }
      }
    }
    if (
      pi &&
      pi.exportsAbroad === false &&
      ((pi.peopleExported ?? 0) > 0 || (pi.sensitivePeopleExported ?? 0) > 0)
    ) {
      issue(
        ['personalInfo', 'exportsAbroad'],
        'contradiction: exportsAbroad is false but people were exported',
        'assess.issue.exported',
      );
    }
    if (pi && (pi.sensitivePeopleExported ?? 0) > (pi.peopleExported ?? Number.POSITIVE_INFINITY)) {
      issue(
        ['personalInfo', 'sensitivePeopleExported'],
        'cannot exceed peopleExported',
        'assess.issue.sensitiveExceeds',
      );
    }
  });
export type Answers = z.infer<typeof Answers>;
