import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { BeianError, osReason } from '../../errors.js';
import { pick } from '../../i18n/index.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import { actorFrom } from '../actor.js';
import { jsonOption, type Register } from '../command.js';
import { collect } from '../flags.js';
import { formatTable, printJson } from '../output.js';
import { withStore } from '../with-store.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export const register: Register = (program, run, ctx) => {
  const reg = program.command('registry').description(ctx.t('registry.description'));

  jsonOption(reg.command('sync').description(ctx.t('registry.sync.description')), ctx)
    .option('--config <file>', ctx.t('registry.option.config'), 'beian.yaml')
    .option('--by <name>', ctx.t('registry.option.by'))
    .action(
      run(async (c, opts: { config: string; by?: string; json?: boolean }) => {
        const { syncRegistry } = await import('../../app/filings/filings.js');
        const { loadKb } = await import('../../kb/index.js');
        const { determineFilings } = await import('../../app/filings/determine.js');
        const r = await withStore(c, (store) =>
          syncRegistry(store, loadKb(), {
            config: opts.config,
            actor: actorFrom(c, opts.by),
            now: c.now(),
            determine: determineFilings,
          }),
        );
        if (opts.json) printJson(c, r);
        else {
          c.out(
            `${
              r.unchanged
                ? c.t('registry.sync.unchanged', { config: r.config })
                : c.t('registry.sync.done', {
                    config: r.config,
                    added: r.services.added.length,
                    updated: r.services.updated.length,
                    removed: r.services.removed.length,
                    filings: r.filings.added.length,
                  })
            }\n`,
          );
          if (r.filings.removed.length)
            c.out(`${c.t('registry.sync.orphans', { ids: r.filings.removed.join(', ') })}\n`);
        }
        return 0;
      }),
    );

  jsonOption(reg.command('list').description(ctx.t('registry.list.description')), ctx)
    .option('--service <id>', ctx.t('registry.option.service'))
    .action(
      run(async (c, opts: { service?: string; json?: boolean }) => {
        const { listFilings } = await import('../../app/filings/index.js');
        const filings = await withStore(c, (s) =>
          listFilings(s.db, opts.service ? { service: opts.service } : {}),
        );
        const { loadKb } = await import('../../kb/index.js');
        const kinds = loadKb().filingKinds;
        const kindTitle = (id: string) => {
          const k = kinds.find((x) => x.id === id);
          return k ? pick(k.title, c.lang) : id;
        };
        if (opts.json) printJson(c, { filings });
        else if (!filings.length) c.out(`${c.t('registry.empty')}\n`);
        else
          c.out(
            `${formatTable(
              ['filing', 'service', 'kind', 'state', 'number'].map((h) =>
                c.t(`registry.header.${h}` as 'registry.header.filing'),
              ),
              filings.map((f) => [
                f.id,
                f.serviceName,
                kindTitle(f.kind),
                c.t(`state.${f.state}`),
                f.filingNumber ?? '',
              ]),
            )}\n`,
          );
        return 0;
      }),
    );

  jsonOption(reg.command('show <filing>').description(ctx.t('registry.show.description')), ctx).action(
    run(async (c, id: string, opts: { json?: boolean }) => {
      const { getFiling, listTransitions, listEvidence } = await import('../../app/filings/index.js');
      const { loadKb } = await import('../../kb/index.js');
      const { nextStates, stepFor } = await import('../../filings/lifecycle.js');
      const kb = loadKb();
      const data = await withStore(c, async (s) => ({
        filing: await getFiling(s.db, id),
        transitions: await listTransitions(s.db, id),
        evidence: await listEvidence(s.db, id),
      }));
      const kind = kb.filingKinds.find((k) => k.id === data.filing.kind);
      const next = kind ? nextStates(kind, data.filing.state) : [];
      const step = kind ? stepFor(kind, data.filing.state) : undefined;
      if (opts.json) {
        printJson(c, { ...data, next, step: step?.id ?? null, display: kind?.display?.text ?? null });
        return 0;
      }
      const f = data.filing;
      const lines = [
        `${f.id}`,
        `${c.t('registry.header.service')}: ${f.serviceName} · ${c.t('registry.header.subject')}: ${f.subjectName}`,
        `${c.t('registry.header.kind')}: ${kind ? pick(kind.title, c.lang) : f.kind}`,
        `${c.t('registry.header.state')}: ${c.t(`state.${f.state}`)} (${f.stateSince})${step ? ` · ${c.t('registry.step')}: ${pick(step.title, c.lang)}` : ''}`,
        `${c.t('registry.header.number')}: ${f.filingNumber ?? '—'}`,
        `${c.t('registry.next')}: ${next.join(', ') || '—'}`,
      ];
      if (kind?.display) lines.push(`${c.t('registry.display')}: ${pick(kind.display.text, c.lang)}`);
      lines.push('', `${c.t('registry.transitions')}:`);
      for (const t of data.transitions)
        lines.push(
          `  ${t.at}  ${t.from} → ${t.to}  ${t.actor}${t.reason ? `  «${t.reason}»` : ''}${t.evidence.length ? `  [${t.evidence.map((e) => e.slice(0, 12)).join(', ')}]` : ''}`,
        );
      lines.push('', `${c.t('registry.evidenceList')}:`);
      for (const e of data.evidence)
        lines.push(`  ${e.sha256}  ${e.name}  ${e.size} B  ${e.actor} ${e.at}${e.note ? `  ${e.note}` : ''}`);
      c.out(`${lines.join('\n')}\n`);
      return 0;
    }),
  );

  jsonOption(
    reg.command('move <filing> <state>').alias('transition').description(ctx.t('registry.move.description')),
    ctx,
  )
    .option('--by <name>', ctx.t('registry.option.by'))
    .option('--reason <text>', ctx.t('registry.option.reason'))
    .option('--number <number>', ctx.t('registry.option.number'))
    .option('--evidence <sha256>', ctx.t('registry.option.evidence'), collect)
    .action(
      run(
        async (
          c,
          id: string,
          to: string,
          opts: { by?: string; reason?: string; number?: string; evidence?: string[]; json?: boolean },
        ) => {
          const { getFiling, transitionFiling } = await import('../../app/filings/index.js');
          const { loadKb } = await import('../../kb/index.js');
          const kb = loadKb();
          const { before, after } = await withStore(c, async (s) => {
            const before = await getFiling(s.db, id);
            const after = await transitionFiling(s.db, kb, {
              filingId: id,
              to,
              actor: actorFrom(c, opts.by),
              reason: opts.reason,
              filingNumber: opts.number,
              evidence: opts.evidence,
              now: c.now().toISOString(),
            });
            return { before, after };
          });
          if (opts.json) printJson(c, { filing: after, from: before.state });
          else {
            c.out(
              `${c.t('registry.moved', { filing: id, from: c.t(`state.${before.state}`), to: c.t(`state.${after.state}`) })}\n`,
            );
            const kind = kb.filingKinds.find((k) => k.id === after.kind);
            if (after.state === 'filed' && kind?.display)
              c.out(`${c.t('registry.display')}: ${pick(kind.display.text, c.lang)}\n`);
          }
          return 0;
        },
      ),
    );

  jsonOption(reg.command('attach <filing> <file>').description(ctx.t('registry.attach.description')), ctx)
    .option('--by <name>', ctx.t('registry.option.by'))
    .option('--note <text>', ctx.t('registry.option.note'))
    .action(
      run(async (c, id: string, file: string, opts: { by?: string; note?: string; json?: boolean }) => {
        const { attachEvidence } = await import('../../app/filings/index.js');
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch (cause) {
          throw BeianError.of('NOT_FOUND', 'file.cannotRead', { file, reason: osReason(cause) }, { cause });
        }
        const r = await withStore(c, (s) =>
          attachEvidence(s.db, {
            bytes,
            name: basename(file),
            mediaType: 'application/octet-stream',
            filingId: id,
            actor: actorFrom(c, opts.by),
            ...(opts.note ? { note: opts.note } : {}),
            now: c.now().toISOString(),
          }),
        );
        if (opts.json) printJson(c, r);
        else
          c.out(
            `${c.t('registry.attached', {
              name: basename(file),
              sha: r.sha256,
              stored: c.t(r.stored ? 'registry.attached.stored' : 'registry.attached.dedup'),
              linked: c.t(r.linked ? 'registry.attached.linked' : 'registry.attached.already'),
            })}\n`,
          );
        return 0;
      }),
    );

  jsonOption(reg.command('evidence <sha256>').description(ctx.t('registry.evidence.description')), ctx)
    .option('--out <file>', ctx.t('registry.option.out'))
    .action(
      run(async (c, sha: string, opts: { out?: string; json?: boolean }) => {
        const { readEvidence } = await import('../../app/filings/index.js');
        const { meta, bytes } = await withStore(c, (s) => readEvidence(s.db, sha));
        if (opts.out) writeFileAtomicSync(opts.out, bytes);
        if (opts.json) printJson(c, { ...meta, verified: true });
        else c.out(`${c.t('registry.evidence.ok', { name: meta.name, size: meta.size })}\n`);
        return 0;
      }),
    );

  jsonOption(reg.command('end-service <service>').description(ctx.t('registry.end.description')), ctx)
    .option('--on <date>', ctx.t('registry.option.on'))
    .option('--by <name>', ctx.t('registry.option.by'))
    .action(
      run(async (c, service: string, opts: { on?: string; by?: string; json?: boolean }) => {
        const date = opts.on ?? c.now().toISOString().slice(0, 10);
        if (!ISO_DAY.test(date)) throw BeianError.of('USAGE', 'flag.notDate', { flag: '--on', value: date });
        const { endService } = await import('../../app/filings/index.js');
        await withStore(c, (s) =>
          endService(s.db, service, date, actorFrom(c, opts.by), c.now().toISOString()),
        );
        if (opts.json) printJson(c, { service, endedOn: date });
        else c.out(`${c.t('registry.ended', { service, date })}\n`);
        return 0;
      }),
    );
};
