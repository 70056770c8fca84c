import * as p from '@clack/prompts';
import { FUNCTIONS, MODALITIES, MODEL_SOURCES, SERVICE_FORMS } from '../../../assess/questionnaire.js';
import { BeianError } from '../../../errors.js';
import type { ProjectFile } from '../../../project/schema.js';
import type { CliContext } from '../../context.js';

function check<T>(value: T, ctx: CliContext): Exclude<T, symbol> {
  if (p.isCancel(value)) {
    p.cancel(ctx.t('assess.cancelled'));
    throw new BeianError('USAGE', ctx.t('assess.cancelled'));
  }
  return value as Exclude<T, symbol>;
}

/** Asks the questionnaire in the terminal and returns a one-service project. */
export async function askService(ctx: CliContext): Promise<ProjectFile> {
  const { t } = ctx;
  const tri = async (message: string): Promise<boolean | undefined> => {
    const v = check(
      await p.select({
        message,
        options: [
          { value: 'yes', label: t('assess.answer.yes') },
          { value: 'no', label: t('assess.answer.no') },
          { value: 'unknown', label: t('assess.answer.unknown') },
        ],
      }),
      ctx,
    );
    return v === 'yes' ? true : v === 'no' ? false : undefined;
  };
  p.intro(t('assess.prompt.intro'));
  const name = check(
    await p.text({
      message: t('assess.prompt.name'),
      placeholder: 'my-service',
      validate: (v) => (v ? undefined : '?'),
    }),
    ctx,
  );
  const publicMainland = await tri(t('assess.prompt.publicMainland'));
  const functions = check(
    await p.multiselect({
      message: t('assess.prompt.functions'),
      options: FUNCTIONS.map((f) => ({ value: f, label: t(`assess.opt.${f}`) })),
      required: false,
    }),
    ctx,
  );
  const serviceForms = check(
    await p.multiselect({
      message: t('assess.prompt.serviceForms'),
      options: SERVICE_FORMS.map((f) => ({ value: f, label: t(`assess.opt.${f}`) })),
      required: false,
    }),
    ctx,
  );
  const publicOpinion = await tri(t('assess.prompt.publicOpinion'));
  const generates = check(
    await p.multiselect({
      message: t('assess.prompt.generates'),
      options: MODALITIES.map((m) => ({ value: m, label: t(`assess.opt.${m}`) })),
      required: false,
    }),
    ctx,
  );
  const faceVoice = generates.length ? await tri(t('assess.prompt.faceVoice')) : false;
  const source = check(
    await p.select({
      message: t('assess.prompt.modelSource'),
      options: MODEL_SOURCES.map((m) => ({ value: m, label: t(`assess.opt.${m}`) })),
    }),
    ctx,
  );
  const filed = source === 'third-party-api' ? await tri(t('assess.prompt.filed')) : undefined;
  const technicalSupport = generates.length ? await tri(t('assess.prompt.technicalSupport')) : false;
  const fromAbroad =
    source === 'self-trained' || source === 'fine-tuned'
      ? await tri(t('assess.prompt.fromAbroad'))
      : undefined;
  const processed = await tri(t('assess.prompt.pi'));
  const exportsAbroad = processed ? await tri(t('assess.prompt.export')) : undefined;
  p.outro('');
  const fns = [...functions];
  if (generates.length && !fns.includes('generate-synthesise')) fns.push('generate-synthesise');
  const id =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'service';
  return {
    version: 1,
    services: [
      {
        id,
        name,
        answers: {
          ...(publicMainland === undefined ? {} : { publicMainland }),
          functions: fns,
          ...(serviceForms.length ? { serviceForms } : {}),
          ...(publicOpinion === undefined ? {} : { publicOpinion }),
          generates,
          ...(faceVoice === undefined ? {} : { faceVoice }),
          model: { source, ...(filed === undefined ? {} : { filed }) },
          ...(technicalSupport === undefined ? {} : { technicalSupport }),
          ...(fromAbroad === undefined ? {} : { trainingData: { fromAbroad } }),
          ...(processed === undefined
            ? {}
            : { personalInfo: { processed, ...(exportsAbroad === undefined ? {} : { exportsAbroad }) } }),
        },
      },
    ],
  };
}
