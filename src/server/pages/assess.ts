import type { ServiceDetermination } from '../../assess/determination.js';
import { Answers, FUNCTIONS, MODALITIES, MODEL_SOURCES, SERVICE_FORMS } from '../../assess/questionnaire.js';
import { formatIssue, type Issue } from '../../errors.js';
import type { MessageKey } from '../../i18n/index.js';
import type { Kb } from '../../kb/index.js';
import { enumLabel } from '../../project/field-docs.js';
import { zodIssues } from '../../util/zod-issues.js';
import { h } from '../html.js';
import { csrfField, type PageCtx, page } from '../layout.js';
import { determinationView } from './determination.js';

type Form = Record<string, string | File | (string | File)[]>;

const list = (v: Form[string] | undefined): string[] =>
  v === undefined
    ? []
    : (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
const one = (v: Form[string] | undefined): string => list(v)[0] ?? '';
const tri = (v: Form[string] | undefined): boolean | undefined =>
  one(v) === 'yes' ? true : one(v) === 'no' ? false : undefined;
const num = (v: Form[string] | undefined): number | undefined => (one(v) === '' ? undefined : Number(one(v)));

/**
 * The web form → the questionnaire's Answers, validated by the same zod schema as beian.yaml, so
 * the web and the CLI feed the engine identical input.
 */
export function answersFromForm(form: Form): {
  id: string;
  name: string;
  answers?: Answers;
  /** located at the form field; shown in the page's language */
  issues: Issue[];
} {
  const raw: Record<string, unknown> = {
    publicMainland: tri(form.publicMainland),
    publicOpinion: tri(form.publicOpinion),
    functions: list(form.functions),
    serviceForms: list(form.serviceForms),
    generates: list(form.generates),
    faceVoice: tri(form.faceVoice),
    usersReached: num(form.usersReached),
    launchDate: one(form.launchDate) || undefined,
  };
  if (one(form.modelSource)) {
    raw.model = {
      source: one(form.modelSource),
      name: one(form.modelName) || undefined,
      filed: tri(form.modelFiled),
      parametersBillions: num(form.parametersBillions),
    };
  }
  const pi = tri(form.piProcessed);
  if (pi !== undefined)
    raw.personalInfo = {
      processed: pi,
      profiling: tri(form.piProfiling),
      sensitive: tri(form.piSensitive),
      exportsAbroad: tri(form.piExports),
    };
  for (const k of ['functions', 'serviceForms', 'generates'])
    if ((raw[k] as string[]).length === 0 && k !== 'generates') delete raw[k];
  if (list(form.generates).length === 0 && !list(form.functions).includes('generate-synthesise'))
    delete raw.generates;
  const id = one(form.id) || 'web-service';
  const name = one(form.name) || id;
  const parsed = Answers.safeParse(JSON.parse(JSON.stringify(raw)));
  if (!parsed.success) return { id, name, issues: zodIssues(parsed.error) };
  return { id, name, answers: parsed.data, issues: [] };
}

function triRadio(p: PageCtx, name: string, label: MessageKey, value?: boolean) {
  const opt = (v: string, text: MessageKey, checked: boolean) =>
    h`<label><input type="radio" name="${name}" value="${v}"${checked ? h` checked` : ''}> ${p.t(text)}</label>`;
  return h`<p><strong>${p.t(label)}</strong> ${opt('yes', 'web.assess.yes', value === true)}${opt('no', 'web.assess.no', value === false)}${opt('', 'web.assess.unknown', value === undefined)}</p>`;
}

/** The questionnaire field each form control fills: its values are labelled as in beian.yaml's help. */
const FIELD: Record<string, string> = {
  functions: 'services[].answers.functions',
  serviceForms: 'services[].answers.serviceForms',
  generates: 'services[].answers.generates',
  modelSource: 'services[].answers.model.source',
};

function checks(p: PageCtx, name: string, values: readonly string[], chosen: readonly string[] = []) {
  return values.map(
    (v) =>
      h`<label><input type="checkbox" name="${name}" value="${v}"${chosen.includes(v) ? h` checked` : ''}> ${enumLabel(FIELD[name] ?? name, v, p.lang) ?? v}</label>`,
  );
}

export function assessPage(
  p: PageCtx,
  kb: Kb,
  state: {
    id?: string;
    name?: string;
    answers?: Answers;
    issues?: readonly Issue[];
    determination?: ServiceDetermination;
    engineMissing?: boolean;
  } = {},
): string {
  const a = state.answers;
  const body = h`<h1>${p.t('web.assess.heading')}</h1><p class="muted">${p.t('web.assess.intro')}</p>
${state.issues?.length ? h`<div class="error" id="issues">${p.t('web.assess.invalid')}<ul>${state.issues.map((i) => h`<li>${formatIssue(i, p.t)}</li>`)}</ul></div>` : ''}
<form method="post" action="/assess" id="assess-form">${csrfField(p)}
<fieldset><label>${p.t('web.assess.id')} <input name="id" value="${state.id ?? ''}" pattern="[a-z0-9][a-z0-9\\-]*"></label>
<label>${p.t('web.assess.name')} <input name="name" value="${state.name ?? ''}"></label>
<label>${p.t('web.assess.launchDate')} <input type="date" name="launchDate" value="${a?.launchDate ?? ''}"></label></fieldset>
<fieldset>${triRadio(p, 'publicMainland', 'web.assess.publicMainland', a?.publicMainland)}${triRadio(p, 'publicOpinion', 'web.assess.publicOpinion', a?.publicOpinion)}
<p><strong>${p.t('web.assess.functions')}</strong> ${checks(p, 'functions', FUNCTIONS, a?.functions)}</p>
<p><strong>${p.t('web.assess.serviceForms')}</strong> ${checks(p, 'serviceForms', SERVICE_FORMS, a?.serviceForms)}</p>
<p><strong>${p.t('web.assess.generates')}</strong> ${checks(p, 'generates', MODALITIES, a?.generates)}</p>
${triRadio(p, 'faceVoice', 'web.assess.faceVoice', a?.faceVoice)}</fieldset>
<fieldset><label>${p.t('web.assess.modelSource')} <select name="modelSource" id="modelSource"><option value=""></option>${MODEL_SOURCES.map((m) => h`<option value="${m}"${a?.model?.source === m ? h` selected` : ''}>${enumLabel(FIELD.modelSource!, m, p.lang) ?? m}</option>`)}</select></label>
<label>${p.t('web.assess.modelName')} <input name="modelName" value="${a?.model?.name ?? ''}"></label>
<label>${p.t('web.assess.params')} <input name="parametersBillions" type="number" step="any" min="0" value="${a?.model?.parametersBillions ?? ''}"></label>
${triRadio(p, 'modelFiled', 'web.assess.modelFiled', a?.model?.filed)}
<label>${p.t('web.assess.users')} <input name="usersReached" type="number" min="0" value="${a?.usersReached ?? ''}"></label></fieldset>
<fieldset>${triRadio(p, 'piProcessed', 'web.assess.pi', a?.personalInfo?.processed)}${triRadio(p, 'piProfiling', 'web.assess.profiling', a?.personalInfo?.profiling)}
${triRadio(p, 'piSensitive', 'web.assess.sensitive', a?.personalInfo?.sensitive)}${triRadio(p, 'piExports', 'web.assess.exports', a?.personalInfo?.exportsAbroad)}</fieldset>
<button type="submit" id="assess-submit">${p.t('web.assess.submit')}</button></form>
${state.determination ? h`<h2 id="result">${p.t('web.assess.result')}</h2>${determinationView(p, kb, state.determination)}` : ''}
${state.engineMissing && a ? h`<p class="notice" id="result">${p.t('web.assess.engineMissing')}</p><pre>${JSON.stringify(a, null, 2)}</pre>` : ''}`;
  return page(p, p.t('web.assess.heading'), body);
}
