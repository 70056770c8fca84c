import pc from 'picocolors';
import { type AssessView, companyServices } from '../../../assess/view.js';
import type { CliContext } from '../../context.js';
import { formatTable } from '../../output.js';

/** The terminal summary of a determination: company table, then each service's filings and reasons. */
export function printAssessment(ctx: CliContext, view: AssessView): void {
  const { t } = ctx;
  const color = ctx.interactive
    ? pc
    : { red: String, yellow: String, green: String, bold: String, dim: String };
  const status = (s: 'required' | 'likely' | 'not-required') => {
    const label = t(`assess.status.${s}`);
    return s === 'required' ? color.red(label) : s === 'likely' ? color.yellow(label) : color.green(label);
  };
  const title = new Map(view.services.flatMap((s) => s.filings.map((f) => [f.kind, f.title] as const)));
  const lines: string[] = [color.bold(t('assess.title')), ''];
  lines.push(
    formatTable(
      [t('assess.filing'), t('assess.status'), t('assess.service')],
      view.company.map((c) => [
        title.get(c.kind) ?? c.kind,
        t(`assess.status.${c.status}`),
        companyServices(c, (x) => t(`assess.status.${x}`), view.lang),
      ]),
    ),
    '',
  );
  for (const s of view.services) {
    lines.push(color.bold(`■ ${s.name} (${s.id})`));
    for (const f of s.filings) {
      const extra = [
        f.algorithmTypeTitles?.join('、'),
        f.role ? t(`assess.role.${f.role as 'provider' | 'technical-supporter'}`) : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
      lines.push(`  ${status(f.status)}  ${f.title}${extra ? color.dim(`  [${extra}]`) : ''}`);
      if (f.status === 'not-required') continue;
      for (const r of f.reasons) {
        lines.push(`      ${r.outcome === 'pending' ? t('assess.pending') : '-'} ${r.text}`);
        lines.push(color.dim(`        ${r.citation.text} · ${r.ruleId}`));
      }
      const workers = f.duties?.filter((d) => d.id.startsWith('workers/')) ?? [];
      if (workers.length) {
        lines.push(`      ${t('assess.duties')}:`);
        for (const d of workers) lines.push(`      · ${d.title} ${color.dim(d.citation)}`);
      }
    }
    if (s.toClarify.length) {
      lines.push(`  ${color.yellow(t('assess.toClarify'))}:`);
      for (const c of s.toClarify) lines.push(`    ? ${c.question} (${c.field})`);
    }
    lines.push('');
  }
  if (view.missing.length) {
    lines.push(color.red(t('assess.missing')));
    for (const m of view.missing) lines.push(`  - ${m.service}: ${title.get(m.kind) ?? m.kind}`);
  } else lines.push(color.green(t('assess.noMissing')));
  lines.push(color.dim(t('assess.versions', { rules: view.rulesetVersion, kb: view.kbVersion })));
  ctx.out(`${lines.join('\n')}\n`);
}
