import type { Readable, Writable } from 'node:stream';
import * as p from '@clack/prompts';
import { FUNCTIONS, MODALITIES, MODEL_SOURCES, SERVICE_FORMS } from '../../../assess/questionnaire.js';
import { BeianError } from '../../../errors.js';
import type { ProjectFile } from '../../../project/schema.js';
import type { CliContext } from '../../context.js';

function check<T>(value: T, ctx: CliContext): Exclude<T, symbol> {
  if (p.isCancel(value)) {
    p.cancel(ctx.t('assess.cancelled'));
    throw BeianError.of('USAGE', 'assess.cancelled');
  }
  return value as Exclude<T, symbol>;
}

/** Where the prompts read keys and draw (the terminal, or streams in tests). */
export interface PromptIo {
  input?: Readable;
  output?: Writable;
}

const UNANSWERED = '__unanswered__';
const NOTHING = '__nothing__';

/**
 * A multiple choice whose answer may also be "unanswered" (left for the to-clarify list) or, for
 * `generates`, "nothing": an empty choice would print clack's own "none", which says neither.
 * Pure mapping, exported for tests.
 */
export function multiAnswer<V extends string>(picked: readonly string[]): V[] | undefined {
  if (picked.includes(UNANSWERED)) return undefined;
  if (picked.includes(NOTHING)) return [];
  return picked as V[];
}

/** Asks the questionnaire in the terminal and returns a one-service project. */
export async function askService(ctx: CliContext, io: PromptIo = {}): Promise<ProjectFile> {
  const { t } = ctx;
  const multi = async <V extends string>(
    message: string,
    values: readonly V[],
    opts: { nothing?: boolean } = {},
  ): Promise<V[] | undefined> =>
    multiAnswer<V>(
      check(
        await p.multiselect<string>({
          ...io,
          message,
          options: [
            { value: UNANSWERED, label: t('assess.answer.unanswered') },
            ...(opts.nothing ? [{ value: NOTHING, label: t('assess.answer.nothing') }] : []),
            ...values.map((v) => ({ value: v, label: t(`assess.opt.${v}` as Parameters<typeof t>[0]) })),
          ],
          required: true,
        }),
        ctx,
      ),
    );
  const tri = async (message: string): Promise<boolean | undefined> => {
    const v = check(
      await p.select({
        ...io,
        message,
        options: [
          { value: 'yes', label: t('assess.answer.yes') },
          { value: 'no', label: t('assess.answer.no') },
          { value: 'unknown', label: t('assess.answer.unanswered') },
        ],
      }),
      ctx,
    );
    return v === 'yes' ? true : v === 'no' ? false : undefined;
  };
  p.intro(t('assess.prompt.intro'), io);
  const name = check(
    await p.text({
      ...io,
      message: t('assess.prompt.name'),
      placeholder: 'my-service',
      validate: (v) => (v ? undefined : '?'),
    }),
    ctx,
  );
  const publicMainland = await tri(t('assess.prompt.publicMainland'));
  const functions = await multi(t('assess.prompt.functions'), FUNCTIONS);
  const serviceForms = await multi(t('assess.prompt.serviceForms'), SERVICE_FORMS);
  const publicOpinion = await tri(t('assess.prompt.publicOpinion'));
  const generates = await multi(t('assess.prompt.generates'), MODALITIES, { nothing: true });
  const generatesSomething = (generates?.length ?? 0) > 0;
  // Nothing generated answers the generation questions; "unanswered" leaves them open.
  const noGeneration = generates === undefined ? undefined : false;
  const faceVoice = generatesSomething ? await tri(t('assess.prompt.faceVoice')) : noGeneration;
  const source = check(
    await p.select({
      ...io,
      message: t('assess.prompt.modelSource'),
      options: MODEL_SOURCES.map((m) => ({ value: m, label: t(`assess.opt.${m}`) })),
    }),
    ctx,
  );
  const filed = source === 'third-party-api' ? await tri(t('assess.prompt.filed')) : undefined;
  const technicalSupport = generatesSomething ? await tri(t('assess.prompt.technicalSupport')) : noGeneration;
  const fromAbroad =
    source === 'self-trained' || source === 'fine-tuned'
      ? await tri(t('assess.prompt.fromAbroad'))
      : undefined;
  const processed = await tri(t('assess.prompt.pi'));
  const exportsAbroad = processed ? await tri(t('assess.prompt.export')) : undefined;
  p.outro('', io);
  const fns = functions ? [...functions] : undefined;
  if (fns && generatesSomething && !fns.includes('generate-synthesise')) fns.push('generate-synthesise');
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
          ...(fns ? { functions: fns } : {}),
          ...(serviceForms ? { serviceForms } : {}),
          ...(publicOpinion === undefined ? {} : { publicOpinion }),
          ...(generates ? { generates } : {}),
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

/**
 * After an interactive assessment: offers to keep the answers as a commented beian.yaml (never
 * replacing a file unless the user confirms), so the questionnaire is not answered twice.
 */
export async function offerToSave(ctx: CliContext, project: ProjectFile, io: PromptIo = {}): Promise<void> {
  const { t } = ctx;
  const save = await p.confirm({ ...io, message: t('assess.offerSave'), initialValue: true });
  if (p.isCancel(save) || !save) return;
  const file = check(
    await p.text({
      ...io,
      message: t('assess.savePath'),
      initialValue: 'beian.yaml',
      validate: (v) => (v ? undefined : '?'),
    }),
    ctx,
  );
  const { resolve } = await import('node:path');
  const app = await import('../../../app/init.js');
  const path = resolve(ctx.cwd, file);
  let force = false;
  if (app.projectFileExists(path)) {
    const replace = await p.confirm({ ...io, message: t('assess.replace', { file }), initialValue: false });
    if (p.isCancel(replace) || !replace) return;
    force = true;
  }
  app.writeProjectYaml(path, app.projectYaml(project, path, ctx.lang, ctx.now()), force);
  ctx.err(`${t('init.wrote', { file, n: project.services.length })}\n`);
}
