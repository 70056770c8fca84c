import type { Command } from 'commander';
import { BeianError } from '../../errors.js';
import { DOCUMENT_IDS } from '../../materials/build.js';
import { FORMATS, type Format } from '../../materials/model.js';
import type { Store } from '../../store/index.js';
import { jsonOption, type Register } from '../command.js';
import type { CliContext } from '../context.js';
import { formatTable, printJson } from '../output.js';
import { createProgress } from '../progress.js';

interface CommonOpts {
  config: string;
  evidence?: string;
  templates?: string;
  only?: string;
  service?: string;
  json?: boolean;
  /** false with --no-store */
  store?: boolean;
}

const DEFAULT_FORMATS = 'docx,xlsx,md,html';
const list = (s: string | undefined): string[] | undefined =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

function parseFormats(value: string): Format[] {
  const out: Format[] = [];
  for (const f of list(value) ?? []) {
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw BeianError.of('USAGE', 'materials.badFormat', { value: f, formats: FORMATS.join(', ') });
    }
    out.push(f as Format);
  }
  return out;
}

function commonOptions(cmd: Command, ctx: CliContext): Command {
  return jsonOption(cmd, ctx)
    .requiredOption('--config <file>', ctx.t('materials.option.config'))
    .option('--evidence <file>', ctx.t('materials.option.evidence'))
    .option('--templates <dir>', ctx.t('materials.option.templates'))
    .option('--only <ids>', ctx.t('materials.option.only'))
    .option('--service <id>', ctx.t('materials.option.service'))
    .option('--no-store', ctx.t('materials.option.noStore'));
}

/**
 * Opens the store for the evidence unless --no-store, and only when it exists: a SQLite file that
 * is not there means no results yet (generating materials must not create an empty database).
 */
async function openEvidenceStore(c: CliContext, opts: CommonOpts): Promise<Store | undefined> {
  if (opts.store === false) return undefined;
  const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(c.dbUrl) && !/^(sqlite|file):/.test(c.dbUrl);
  if (!isUrl) {
    const { existsSync } = await import('node:fs');
    const { resolve } = await import('node:path');
    const file = resolve(c.cwd, c.dbUrl.replace(/^(sqlite|file):(\/\/)?/, ''));
    if (!existsSync(file)) return undefined;
  }
  return c.openStore();
}

async function input(c: CliContext, opts: CommonOpts) {
  const only = list(opts.only);
  const { loadKb } = await import('../../kb/index.js');
  return {
    config: opts.config,
    kb: loadKb(),
    lang: c.lang,
    now: c.now(),
    ...(opts.evidence ? { evidenceFile: opts.evidence } : {}),
    ...(opts.templates ? { templatesDir: opts.templates } : {}),
    ...(only ? { only } : {}),
    ...(opts.service ? { service: opts.service } : {}),
  };
}

async function generate(c: CliContext, opts: CommonOpts & { out?: string; format: string }) {
  if (!opts.out) throw BeianError.of('USAGE', 'materials.needOut');
  const formats = parseFormats(opts.format);
  const { generateMaterials } = await import('../../app/materials/generate.js');
  const progress = createProgress(c, 'materials', { json: opts.json ?? false });
  const store = await openEvidenceStore(c, opts);
  let result: Awaited<ReturnType<typeof generateMaterials>>;
  try {
    result = await generateMaterials(
      { ...(await input(c, opts)), ...(store ? { store } : {}), out: opts.out, formats, env: c.env },
      (done, total) => progress.update({ done, total }),
    );
  } finally {
    await store?.close();
  }
  progress.finish();
  if (opts.json) {
    printJson(c, result);
    return 0;
  }
  const rows = result.documents.map((d) => [d.id, d.title, String(d.files.length), String(d.toComplete)]);
  const files = result.documents.reduce((a, d) => a + d.files.length, 0);
  c.out(
    `${formatTable([c.t('materials.header.doc'), '', c.t('materials.header.files'), c.t('materials.header.todo')], rows)}\n\n${c.t(
      'materials.wrote',
      { docs: result.documents.length, files, out: opts.out },
    )}\n`,
  );
  if (result.external.length) {
    c.out(`${c.t('materials.external')}\n`);
    for (const e of result.external) c.out(`  - ${e.service}: ${e.title[c.lang]} (${e.kind})\n`);
  }
  return 0;
}

async function check(c: CliContext, opts: CommonOpts) {
  const { checkMaterials } = await import('../../app/materials/generate.js');
  const store = await openEvidenceStore(c, opts);
  let result: Awaited<ReturnType<typeof checkMaterials>>;
  try {
    result = await checkMaterials({ ...(await input(c, opts)), ...(store ? { store } : {}) });
  } finally {
    await store?.close();
  }
  const all = result.documents.flatMap((d) => d.gaps);
  const required = all.filter((g) => g.required).length;
  if (opts.json) printJson(c, result);
  else {
    const rows = all.map((g) => [
      g.document,
      g.section,
      g.text,
      g.field ?? '',
      g.required ? c.t('materials.yes') : '',
    ]);
    const head = ['doc', 'section', 'item', 'field', 'required'] as const;
    if (rows.length)
      c.out(
        `${formatTable(
          head.map((h) => c.t(`materials.header.${h}`)),
          rows,
        )}\n\n`,
      );
    const counts = { required, optional: all.length - required };
    c.out(`${result.ok ? c.t('materials.check.ok', counts) : c.t('materials.check.failed', counts)}\n`);
  }
  return result.ok ? 0 : 1;
}

/**
 * `beian materials [check]`: one command whose optional `check` action lists what is missing
 * (a positional action rather than a sub-command, so both share the same options unambiguously).
 */
export const register: Register = (program, run, ctx) => {
  commonOptions(
    program
      .command('materials')
      .argument('[action]', ctx.t('materials.check.description'))
      .description(ctx.t('materials.description'))
      .addHelpText('after', ctx.t('materials.help', { ids: DOCUMENT_IDS.join(', ') })),
    ctx,
  )
    .option('--out <dir>', ctx.t('materials.option.out'))
    .option('--format <list>', ctx.t('materials.option.format'), DEFAULT_FORMATS)
    .action(
      run(async (c, action: string | undefined, opts: CommonOpts & { out?: string; format: string }) => {
        if (action === undefined) return generate(c, opts);
        if (action === 'check') return check(c, opts);
        throw BeianError.of('USAGE', 'materials.unknownAction', { action });
      }),
    );
};
