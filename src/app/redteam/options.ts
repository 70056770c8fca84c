import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BeianError, issueOf } from '../../errors.js';
import { ATTACKS, type AttackKind } from '../../redteam/attacks/types.js';
import { parseStrategies, type VariantStrategy } from '../../redteam/banks/variants.js';
import { GUARD_FORMATS, type GuardFormat } from '../../redteam/judges/guard.js';
import { TargetConfig } from '../../redteam/targets/config.js';
import { zodIssues } from '../../util/zod-issues.js';
import type { RunOptions } from './run.js';

export interface RunFlagValues {
  config?: string;
  baseUrl?: string;
  model?: string;
  apiKeyEnv?: string;
  targetId?: string;
  system?: string;
  bank?: string[];
  concurrency?: number;
  rpm?: number;
  timeout?: number;
  retries?: number;
  variants?: string;
  sample?: number;
  seed?: string;
  keywords?: string;
  judgeBaseUrl?: string;
  judgeModel?: string;
  judgeApiKeyEnv?: string;
  guardBaseUrl?: string;
  guardModel?: string;
  guardApiKeyEnv?: string;
  guardFormat?: string;
  attack?: string;
  attackerBaseUrl?: string;
  attackerModel?: string;
  attackerApiKeyEnv?: string;
  attackTurns?: number;
  attackCalls?: number;
  map?: string[];
  layout?: string;
  encoding?: string;
  new?: boolean;
  noCache?: boolean;
}

function openAiFromFlags(
  baseUrl: string,
  model: string,
  f: RunFlagValues,
  flagPrefix: string,
  apiKeyEnv?: string,
): TargetConfig {
  const parsed = TargetConfig.safeParse({
    type: 'openai',
    baseUrl,
    model,
    ...(apiKeyEnv ? { apiKeyEnv } : {}),
    ...(f.targetId && flagPrefix === '' ? { id: f.targetId } : {}),
    ...(f.system && flagPrefix === '' ? { system: f.system } : {}),
    ...(f.concurrency ? { concurrency: f.concurrency } : {}),
    ...(f.rpm ? { rpm: f.rpm } : {}),
    ...(f.timeout ? { timeoutMs: f.timeout } : {}),
    ...(f.retries !== undefined ? { retries: f.retries } : {}),
  });
  if (!parsed.success)
    throw BeianError.of('USAGE', 'redteam.opts.invalidTarget', undefined, {
      issues: zodIssues(parsed.error).map((i) => ({
        ...i,
        path: `--${flagPrefix}${i.path?.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`,
      })),
    });
  return parsed.data;
}

/**
 * Merges `--config beian.yaml` (its redteam section, paths relative to the file) with the flags.
 * Flags win: --bank replaces the configured banks, --base-url/--model replace the configured targets.
 */
export async function resolveRunOptions(f: RunFlagValues, cwd: string): Promise<RunOptions> {
  let opts: RunOptions = { targets: [], bankFiles: [] };
  if (f.config) {
    const file = resolve(cwd, f.config);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw BeianError.of('NOT_FOUND', 'redteam.opts.cannotRead', { file }, { cause });
    }
    // the whole beian.yaml schema (every section's zod schema, ~20 modules) loads only with --config
    const { parseProject } = await import('../../project/index.js');
    const section = parseProject(text, file).redteam;
    if (!section)
      throw BeianError.of(
        'CONFIG_INVALID',
        'redteam.opts.noSection',
        { file },
        { issues: [issueOf({ file, path: 'redteam' }, 'redteam.opts.addSection')] },
      );
    const base = dirname(file);
    opts = {
      targets: section.targets,
      bankFiles: section.banks.map((b) => resolve(base, b)),
      ...(section.variants ? { variants: section.variants } : {}),
      ...(section.sample ? { sample: section.sample } : {}),
      ...(section.seed ? { seed: section.seed } : {}),
      ...(section.keywords ? { keywordsFile: resolve(base, section.keywords) } : {}),
      ...(section.judge ? { judge: section.judge } : {}),
      ...(section.guard ? { guard: { target: section.guard.target, format: section.guard.format } } : {}),
      ...(section.attacks
        ? {
            attacks: {
              kinds: section.attacks.kinds,
              attacker: section.attacks.attacker,
              maxTurns: section.attacks.maxTurns,
              maxCalls: section.attacks.maxCalls,
            },
          }
        : {}),
      ...(section.maps ? { mapFiles: section.maps.map((m) => resolve(base, m)) } : {}),
    };
  }
  if (f.baseUrl || f.model) {
    if (!f.baseUrl || !f.model)
      throw BeianError.of('USAGE', 'redteam.opts.together', { a: '--base-url', b: '--model' });
    opts.targets = [openAiFromFlags(f.baseUrl, f.model, f, '', f.apiKeyEnv)];
  }
  if (f.bank?.length) opts.bankFiles = f.bank.map((b) => resolve(cwd, b));
  if (f.variants) {
    const { strategies, unknown } = parseStrategies(f.variants);
    if (unknown.length)
      throw BeianError.of('USAGE', 'redteam.opts.unknownVariants', { list: unknown.join(', ') });
    opts.variants = strategies as VariantStrategy[];
  }
  if (f.sample) opts.sample = f.sample;
  if (f.seed) opts.seed = f.seed;
  if (f.keywords) opts.keywordsFile = resolve(cwd, f.keywords);
  if (f.judgeBaseUrl || f.judgeModel) {
    if (!f.judgeBaseUrl || !f.judgeModel)
      throw BeianError.of('USAGE', 'redteam.opts.together', { a: '--judge-base-url', b: '--judge-model' });
    opts.judge = openAiFromFlags(
      f.judgeBaseUrl,
      f.judgeModel,
      { ...f, targetId: undefined },
      'judge-',
      f.judgeApiKeyEnv,
    );
  }
  if (f.guardBaseUrl || f.guardModel) {
    if (!f.guardBaseUrl || !f.guardModel)
      throw BeianError.of('USAGE', 'redteam.opts.together', { a: '--guard-base-url', b: '--guard-model' });
    const format = (f.guardFormat ?? 'auto') as GuardFormat;
    if (!GUARD_FORMATS.includes(format))
      throw BeianError.of('USAGE', 'redteam.opts.unknownGuardFormat', {
        format: String(f.guardFormat),
        list: GUARD_FORMATS.join(', '),
      });
    opts.guard = {
      target: openAiFromFlags(
        f.guardBaseUrl,
        f.guardModel,
        { ...f, targetId: undefined },
        'guard-',
        f.guardApiKeyEnv,
      ),
      format,
    };
  }
  if (f.attack || f.attackerBaseUrl || f.attackerModel) {
    if (!f.attackerBaseUrl || !f.attackerModel)
      throw BeianError.of('USAGE', 'redteam.opts.attackNeedsAttacker');
    const kinds = (f.attack ?? 'crescendo,pair')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    const unknown = kinds.filter((k) => !(ATTACKS as readonly string[]).includes(k));
    if (unknown.length)
      throw BeianError.of('USAGE', 'redteam.opts.unknownAttacks', {
        list: unknown.join(', '),
        known: ATTACKS.join(', '),
      });
    opts.attacks = {
      kinds: kinds as AttackKind[],
      attacker: openAiFromFlags(
        f.attackerBaseUrl,
        f.attackerModel,
        { ...f, targetId: undefined },
        'attacker-',
        f.attackerApiKeyEnv,
      ),
      ...(f.attackTurns ? { maxTurns: f.attackTurns } : {}),
      ...(f.attackCalls ? { maxCalls: f.attackCalls } : {}),
    };
  }
  if (f.map?.length) opts.mapFiles = f.map.map((m) => resolve(cwd, m));
  if (f.layout || f.encoding) opts.mapping = { ...opts.mapping, ...(f.layout ? { layout: f.layout } : {}) };
  if (f.encoding) opts.encoding = f.encoding;
  if (f.new) opts.fresh = true;
  if (f.noCache) opts.noCache = true;
  if (opts.targets.length === 0) throw BeianError.of('USAGE', 'redteam.run.noTarget');
  if (opts.bankFiles.length === 0) throw BeianError.of('USAGE', 'redteam.run.noBank');
  return opts;
}
