import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BeianError } from '../../errors.js';
import type { AbuseRule } from '../../guard/abuse.js';
import { type TextLabel, validLabelText } from '../../guard/label.js';
import type { GuardPolicy } from '../../guard/policy.js';
import { unknownRisks } from '../../guard/policy.js';
import type { Replies } from '../../guard/replies.js';
import type { Lang } from '../../i18n/index.js';
import { type Kb, threshold } from '../../kb/index.js';
import type { GuardSection } from '../../project/sections/guard.js';
import { readYamlFile } from '../../util/yaml-file.js';
import { validated } from '../../util/zod-issues.js';
import { type LoadedLexicon, loadLexicon } from '../lexicon.js';
import { readProjectFile } from '../project-file.js';

export const DEFAULT_REPLIES_FILE = fileURLToPath(
  new URL('../../../data/guard/replies.yaml', import.meta.url),
);

const Text = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
const RepliesFile = z
  .object({
    version: z.union([z.string(), z.date()]).transform(String),
    source: z.string(),
    replies: z.record(z.string(), Text).refine((r) => 'default' in r, 'needs a `default` reply'),
    suspended: Text,
    label: Text,
  })
  .strict();

/** Reads a replies file (data/guard/replies.yaml shape); errors name the file and field. */
export function loadReplies(file: string = DEFAULT_REPLIES_FILE): Replies {
  const raw = readYamlFile(file, 'CONFIG_INVALID', 'guard.repliesUnreadable');
  return validated(RepliesFile, raw, file, 'CONFIG_INVALID', 'guard.repliesInvalid');
}

export interface GuardConfig {
  upstream: string | undefined;
  section: GuardSection;
  lexicon: LoadedLexicon;
  policy: GuardPolicy;
  replies: Replies;
  label: TextLabel | undefined;
  abuse: AbuseRule | undefined;
  userHeader: string;
  retentionDays: number;
  maxBodyBytes: number;
  timeoutMs: number;
}

/**
 * The guard's settings from beian.yaml's `guard:` section (all defaults when there is none), the
 * keyword library through the same loader as `beian scan` (the default library plus the project's
 * own), and the KB's thresholds. Unknown risk ids are refused, naming the field.
 */
export async function loadGuardConfig(
  kb: Kb,
  o: { config?: string | undefined; cwd?: string; lang: Lang },
): Promise<GuardConfig> {
  const cwd = o.cwd ?? process.cwd();
  const project = await readProjectFile(o.config, cwd);
  const base = o.config ? dirname(resolve(cwd, o.config)) : cwd;
  const section: GuardSection = project?.guard ?? GuardSectionDefaults;
  const riskIds = new Set([...kb.risks.map((r) => r.id), ...kb.riskCategories.map((c) => c.id)]);
  const policy: GuardPolicy = {
    default: section.policy?.default ?? 'block',
    risks: section.policy?.risks ?? {},
    maskChar: section.policy?.maskChar ?? '*',
  };
  const unknown = unknownRisks(policy, riskIds);
  if (unknown.length)
    throw BeianError.of('CONFIG_INVALID', 'guard.unknownRisk', {
      field: `guard.policy.risks.${unknown[0]}`,
      risk: unknown[0] as string,
    });
  const retentionMin = threshold(kb, 'service.interception-log.retention.min').value;
  const retentionDays = section.retentionDays ?? retentionMin;
  if (retentionDays < retentionMin)
    throw BeianError.of('CONFIG_INVALID', 'guard.retentionTooShort', {
      field: 'guard.retentionDays',
      days: retentionDays,
      min: retentionMin,
    });
  const lexicon = await loadLexicon(kb, {
    files: (section.lexicon ?? []).map((f) => resolve(base, f)),
    starter: true,
    ...(section.allow ? { allow: section.allow } : {}),
  });
  const replies = loadReplies(section.replies ? resolve(base, section.replies) : DEFAULT_REPLIES_FILE);
  const labelOn = section.label?.enabled ?? true;
  if (section.label?.text !== undefined && !validLabelText(section.label.text))
    throw BeianError.of('CONFIG_INVALID', 'guard.badLabel', { field: 'guard.label.text' });
  const abuseOn = section.abuse?.enabled ?? true;
  return {
    upstream: section.upstream,
    section,
    lexicon,
    policy,
    replies,
    label: labelOn
      ? {
          enabled: true,
          position: section.label?.position ?? 'start',
          text: section.label?.text ?? replies.label[o.lang],
        }
      : undefined,
    abuse: abuseOn
      ? {
          consecutive: threshold(kb, 'service.abusive-user.consecutive.max').value,
          perDay: threshold(kb, 'service.abusive-user.per-day.max').value,
          suspendMs: (section.abuse?.suspendHours ?? 24) * 3_600_000,
          dayOffsetMinutes: 480,
        }
      : undefined,
    userHeader: (section.abuse?.userHeader ?? 'x-beian-user').toLowerCase(),
    retentionDays,
    maxBodyBytes: section.maxBodyBytes,
    timeoutMs: section.timeoutMs,
  };
}

const GuardSectionDefaults: GuardSection = {
  input: true,
  output: true,
  maxBodyBytes: 4 * 1024 * 1024,
  timeoutMs: 120_000,
};
