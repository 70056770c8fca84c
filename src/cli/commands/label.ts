import { BeianError } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { jsonOption, type Register } from '../command.js';
import type { CliContext } from '../context.js';
import { formatTable, printJson } from '../output.js';
import { createProgress } from '../progress.js';
import { withStore } from '../with-store.js';

interface AddFlags {
  producer: string;
  produceId?: string;
  label?: string;
  explicit?: boolean;
  implicit: boolean;
  text?: string;
  position: string;
  imagePosition: string;
  audioLabel?: string;
  audioPosition: string;
  videoSeconds: string;
  throughout?: boolean;
  json?: boolean;
}

interface CheckFlags {
  json?: boolean;
  out?: string;
  explicitCheck: boolean;
  asPlatform?: boolean;
  declared?: string;
  declareAll?: boolean;
  propagator?: string;
  service?: string;
  save: boolean;
}

const choice = (_c: CliContext, flag: string, value: string, allowed: readonly string[]) => {
  if (!allowed.includes(value))
    throw BeianError.of('USAGE', 'label.badPosition', { flag, value, allowed: allowed.join(', ') });
  return value;
};

/** Every path given must exist: a typo is bad input (exit 2), not a failed label. */
async function assertPaths(c: CliContext, paths: readonly string[]) {
  const { stat } = await import('node:fs/promises');
  const { resolve } = await import('node:path');
  for (const p of paths)
    await stat(resolve(c.cwd, p)).catch(() => {
      throw BeianError.of('NOT_FOUND', 'label.err.notFound', { file: p });
    });
}

function assertProducer(_c: CliContext, flag: string, code: string, problems: string[]) {
  if (problems.length > 0)
    throw BeianError.of('USAGE', 'label.badProducer', { flag, code, problems: problems.join(', ') });
}

async function add(c: CliContext, paths: string[], f: AddFlags) {
  const { resolve } = await import('node:path');
  const { addFiles, producerProblems } = await import('../../app/label/run.js');
  const { loadLabellingKb } = await import('../../app/label/kb.js');
  const { IMAGE_POSITIONS } = await import('../../label/explicit-image.js');
  const { issueText } = await import('../../app/label/report-html.js');
  assertProducer(c, '--producer', f.producer, producerProblems(f.producer));
  await assertPaths(c, paths);
  if (f.label !== undefined && !['1', '2', '3'].includes(f.label))
    throw BeianError.of('USAGE', 'label.badLabel');
  const seconds = Number(f.videoSeconds);
  if (!Number.isFinite(seconds) || seconds < 2) throw BeianError.of('USAGE', 'label.badSeconds');
  const kb = loadLabellingKb();
  const { isTextLabel } = await import('../../label/explicit-text.js');
  if (f.text !== undefined && !isTextLabel(f.text)) throw BeianError.of('USAGE', 'label.badText');
  const { defaultExplicitOptions } = await import('../../app/label/explicit.js');
  const explicitOptions = {
    ...defaultExplicitOptions(kb),
    ...(f.text === undefined ? {} : { text: f.text }),
    textPosition: choice(c, '--position', f.position, ['start', 'end']) as 'start' | 'end',
    imagePosition: choice(
      c,
      '--image-position',
      f.imagePosition,
      IMAGE_POSITIONS,
    ) as (typeof IMAGE_POSITIONS)[number],
    ...(f.audioLabel ? { audioLabel: resolve(c.cwd, f.audioLabel) } : {}),
    audioPosition: choice(c, '--audio-position', f.audioPosition, ['start', 'end']) as 'start' | 'end',
    videoSeconds: seconds,
    videoThroughout: f.throughout === true,
  };
  const progress = createProgress(c, c.t('label.progressAdd'), { json: f.json === true });
  const results = [];
  let failed = 0;
  for await (const r of addFiles(
    paths.map((p) => resolve(c.cwd, p)),
    {
      producer: f.producer,
      ...(f.produceId ? { produceId: f.produceId } : {}),
      ...(f.label ? { label: f.label as '1' | '2' | '3' } : {}),
      implicit: f.implicit,
      explicit: f.explicit === true,
      explicitOptions,
    },
  )) {
    if (!r.ok) failed++;
    results.push(r);
    progress.update({ done: results.length });
    if (!f.json) {
      const why =
        r.error ??
        r.issues
          .filter((i) => i.severity === 'error')
          .map((i) => issueText(c.t, i))
          .join('; ');
      c.out(
        `${r.ok ? '✓' : '✗'} ${r.file}${r.format ? `  [${r.format}]` : ''}${r.explicit === 'added' ? `  +${c.t('label.header.explicit')}` : ''}${why ? `  ${why}` : ''}\n`,
      );
    }
  }
  progress.finish();
  if (results.length === 0) throw BeianError.of('INPUT_INVALID', 'label.noFiles', { paths: paths.join(' ') });
  if (f.json) printJson(c, { files: results, failed });
  else c.out(`${c.t('label.added', { n: results.length - failed, failed })}\n`);
  return failed > 0 ? 1 : 0;
}

async function check(c: CliContext, paths: string[], f: CheckFlags) {
  const { resolve } = await import('node:path');
  const { addToSummary, checkFiles, readDeclared, producerProblems } = await import('../../app/label/run.js');
  const { explicitMark, issueText, openHtmlReport } = await import('../../app/label/report-html.js');
  if (f.propagator) assertProducer(c, '--propagator', f.propagator, producerProblems(f.propagator));
  await assertPaths(c, paths);
  const platform =
    f.asPlatform === true || f.propagator !== undefined || f.declared !== undefined || f.declareAll === true;
  const declared = f.declareAll
    ? () => true
    : f.declared
      ? await readDeclared(f.declared, c.cwd)
      : () => false;
  const summary = {
    total: 0,
    passed: 0,
    failed: 0,
    byFormat: {},
    ...(platform ? { byClass: { '1': 0, '2': 0, '3': 0, none: 0 } } : {}),
  };
  const report = f.out ? await openHtmlReport(resolve(c.cwd, f.out), c.t, platform) : undefined;
  const { openLabelRunLog } = await import('../../app/label/save.js');
  const progress = createProgress(c, c.t('label.progress'), { json: f.json === true });
  const rows: string[][] = [];
  let notShown = 0;
  if (f.json) c.out('{\n  "files": [\n');
  const stream = async (store: Store | undefined) => {
    const log = store
      ? await openLabelRunLog(store, {
          inputs: paths.map((p) => resolve(c.cwd, p)),
          service: f.service,
          platform,
          now: c.now(),
        })
      : undefined;
    for await (const r of checkFiles(
      paths.map((p) => resolve(c.cwd, p)),
      {
        explicit: f.explicitCheck,
        ...(f.out ? { exclude: [resolve(c.cwd, f.out)] } : {}),
        ...(platform
          ? { asPlatform: { declared, ...(f.propagator ? { propagator: f.propagator } : {}) } }
          : {}),
      },
    )) {
      addToSummary(summary, r);
      await report?.row(r);
      await log?.add(r);
      progress.update({ done: summary.total, detail: `✗ ${summary.failed}` });
      if (f.json) {
        c.out(`${summary.total > 1 ? ',\n' : ''}    ${JSON.stringify(r)}`);
        continue;
      }
      // The terminal table is bounded: every file for small runs, then failures only, up to a
      // cap; --json and --out carry every file.
      if (rows.length >= 200 && r.ok) continue;
      if (rows.length >= 1000) {
        notShown++;
        continue;
      }
      const problems = r.implicit.issues.map(
        (i) => `${i.severity === 'error' ? '✗' : '!'} ${issueText(c.t, i)}`,
      );
      if (r.explicit === 'missing') problems.push(`✗ ${c.t('label.issue.explicit-missing')}`);
      rows.push([
        r.file,
        r.format ?? '—',
        r.implicit.ok ? '✓' : '✗',
        explicitMark(c.t, r.explicit),
        ...(platform ? [r.platformClass ?? '—'] : []),
        problems.join('; '),
      ]);
    }
    progress.finish();
    if (log && summary.total > 0) await log.finish(summary);
  };
  try {
    await (f.save ? withStore(c, stream) : stream(undefined));
  } catch (e) {
    await report?.abort();
    throw e;
  }
  if (summary.total === 0) {
    await report?.abort();
    throw BeianError.of('INPUT_INVALID', 'label.noFiles', { paths: paths.join(' ') });
  }
  await report?.finish(summary, c.now().toISOString());
  if (f.json) {
    c.out(`\n  ],\n  "summary": ${JSON.stringify(summary)}\n}\n`);
  } else {
    const head = [
      c.t('label.header.file'),
      c.t('label.header.format'),
      c.t('label.header.implicit'),
      c.t('label.header.explicit'),
      ...(platform ? [c.t('label.header.class')] : []),
      c.t('label.header.problems'),
    ];
    c.out(`${formatTable(head, rows)}\n\n`);
    if (notShown > 0) c.out(`${c.t('label.notShown', { n: notShown })}\n`);
    c.out(
      `${c.t('label.summary', { total: summary.total, passed: summary.passed, failed: summary.failed })}\n`,
    );
    if (summary.byClass) {
      const b = summary.byClass;
      c.out(`${c.t('label.classes', { c1: b['1'], c2: b['2'], c3: b['3'], none: b.none })}\n`);
    }
    if (f.out) c.out(`${c.t('label.report', { file: f.out })}\n`);
    if (f.save) c.out(`${c.t('label.saved', { n: summary.total })}\n`);
  }
  return summary.failed > 0 ? 1 : 0;
}

async function inspect(c: CliContext, file: string, f: { json?: boolean }) {
  const { resolve } = await import('node:path');
  const { inspectImplicit } = await import('../../app/label/implicit.js');
  const { issueText } = await import('../../app/label/report-html.js');
  const r = await inspectImplicit(resolve(c.cwd, file), { alwaysDigest: true });
  if (r.verdict.issues.some((i) => i.code === 'damaged' && /ENOENT/.test(i.detail ?? '')))
    throw BeianError.of('NOT_FOUND', 'label.err.notFound', { file });
  if (f.json) {
    printJson(c, { ...r, file });
    return r.verdict.ok ? 0 : 1;
  }
  c.out(`${file}  [${r.format ?? '—'}]  ${r.size ?? 0} B\n`);
  if (r.found.length === 0) c.out(`${c.t('label.inspect.none')}\n`);
  for (const l of r.found) c.out(`\n${c.t('label.inspect.where')}: ${l.where}\n${l.raw}\n`);
  const fields = Object.entries(r.verdict.fields);
  if (fields.length)
    c.out(
      `\n${formatTable(
        ['field', 'value'],
        fields.map(([k, v]) => [k, v ?? '']),
      )}\n`,
    );
  if (r.digest) c.out(`\n${c.t('label.inspect.digest')}: ${r.digest}\n`);
  for (const i of r.verdict.issues) c.out(`${i.severity === 'error' ? '✗' : '!'} ${issueText(c.t, i)}\n`);
  c.out(`${r.verdict.ok ? '✓' : '✗'}\n`);
  return r.verdict.ok ? 0 : 1;
}

export const register: Register = (program, run, ctx) => {
  const label = program
    .command('label')
    .description(ctx.t('label.description'))
    .addHelpText('after', `\n${ctx.t('label.help.examples')}\n`);

  jsonOption(
    label
      .command('add <paths...>')
      .description(ctx.t('label.add.description'))
      .requiredOption('--producer <code>', ctx.t('label.option.producer'))
      .option('--produce-id <id>', ctx.t('label.option.produceId'))
      .option('--label <class>', ctx.t('label.option.label'))
      .option('--explicit', ctx.t('label.option.explicit'))
      .option('--implicit', ctx.t('label.add.description'), true)
      .option('--no-implicit', ctx.t('label.option.noImplicit'))
      .option('--text <text>', ctx.t('label.option.text'))
      .option('--position <pos>', ctx.t('label.option.position'), 'start')
      .option('--image-position <pos>', ctx.t('label.option.imagePosition'), 'bottom-right')
      .option('--audio-label <file>', ctx.t('label.option.audioLabel'))
      .option('--audio-position <pos>', ctx.t('label.option.audioPosition'), 'start')
      .option('--video-seconds <n>', ctx.t('label.option.videoSeconds'), '2')
      .option('--throughout', ctx.t('label.option.throughout'))
      .addHelpText('after', `\n${ctx.t('label.help.examples')}\n`),
    ctx,
  ).action(run((c, paths: string[], f: AddFlags) => add(c, paths, f)));

  jsonOption(
    label
      .command('check <paths...>')
      .description(ctx.t('label.check.description'))
      .option('--out <file.html>', ctx.t('label.option.out'))
      .option('--no-explicit-check', ctx.t('label.option.noExplicitCheck'))
      .option('--as-platform', ctx.t('label.option.asPlatform'))
      .option('--declared <list>', ctx.t('label.option.declared'))
      .option('--declare-all', ctx.t('label.option.declareAll'))
      .option('--propagator <code>', ctx.t('label.option.propagator'))
      .option('--service <id>', ctx.t('label.option.service'))
      .option('--no-save', ctx.t('label.option.noSave'))
      .addHelpText('after', `\n${ctx.t('label.help.examples')}\n`),
    ctx,
  ).action(run((c, paths: string[], f: CheckFlags) => check(c, paths, f)));

  jsonOption(label.command('inspect <file>').description(ctx.t('label.inspect.description')), ctx).action(
    run((c, file: string, f: { json?: boolean }) => inspect(c, file, f)),
  );
};
