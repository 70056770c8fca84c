import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BeianError } from '../../errors.js';
import type { AigcValue, LabelClass, LabelIssue } from '../../label/aigc.js';
import { buildValue, classifyForPlatform, propagatedValue } from '../../label/judge.js';
import { checkProviderCode } from '../../label/provider-code.js';
import { LabelFormatError } from '../../label/source.js';
import { applyExplicit, checkExplicit, type ExplicitOptions, type ExplicitStatus } from './explicit.js';
import { openSource, walk } from './files.js';
import { type FormatName, inspectImplicit, isSidecarName, placementOf, writeImplicit } from './implicit.js';

export interface FileCheck {
  file: string;
  format?: FormatName;
  kind?: string;
  ok: boolean;
  implicit: { ok: boolean; present: boolean; where?: string; value?: AigcValue; issues: LabelIssue[] };
  explicit: ExplicitStatus;
  /** --as-platform: Measures Art. 6 class, or null when the file shows no sign of generation */
  platformClass?: LabelClass | null;
  /** --as-platform with --propagator: the label the platform wrote */
  propagated?: AigcValue;
}

export interface CheckOptions {
  explicit: boolean;
  asPlatform?: {
    declared: (file: string) => boolean;
    propagator?: string;
  };
  concurrency?: number;
  /** files never checked, e.g. the HTML report being written into the checked folder */
  exclude?: readonly string[];
}

export interface CheckSummary {
  total: number;
  passed: number;
  failed: number;
  byFormat: Record<string, { total: number; failed: number }>;
  byClass?: Record<'1' | '2' | '3' | 'none', number>;
}

async function checkOne(file: string, o: CheckOptions): Promise<FileCheck> {
  const ins = await inspectImplicit(file);
  const v = ins.verdict;
  let explicit: ExplicitStatus = 'n/a';
  if (o.explicit && ins.format && ins.kind) {
    try {
      const src = await openSource(file);
      const placement = await placementOf(src, file).finally(() => src.close());
      if (placement) explicit = await checkExplicit(file, placement);
    } catch (e) {
      if (!(e instanceof LabelFormatError)) throw e;
    }
  }
  const result: FileCheck = {
    file,
    ...(ins.format ? { format: ins.format } : {}),
    ...(ins.kind ? { kind: ins.kind } : {}),
    ok: v.ok && explicit !== 'missing',
    implicit: {
      ok: v.ok,
      present: v.present,
      ...(v.where ? { where: v.where } : {}),
      ...(v.value ? { value: v.value } : {}),
      issues: v.issues,
    },
    explicit,
  };
  if (o.asPlatform) {
    const cls = classifyForPlatform({
      implicit: v,
      declared: o.asPlatform.declared(file),
      explicitFound: explicit === 'ok',
    });
    result.platformClass = cls ?? null;
    const propagator = o.asPlatform.propagator;
    if (
      cls &&
      propagator &&
      ins.format &&
      ins.format !== undefined &&
      v.issues.every((i) => i.code !== 'damaged' && i.code !== 'unsupported')
    ) {
      const propagateId = randomUUID();
      const written = await writeImplicit(file, (digest) => {
        const next = propagatedValue(v.value, cls, propagator, propagateId);
        // The producer's integrity data stays as it was; a fresh label (class 2/3) gets the digest.
        return v.value ? next : { ...next, ...(digest ? { ReservedCode1: digest } : {}) };
      });
      result.propagated = written.value;
    }
    // On the platform side a file without any label is not a failure: it is class "none".
    result.ok = cls !== undefined ? v.ok || cls !== '1' : true;
  }
  return result;
}

/** Streams results in input order, `concurrency` files in flight; memory stays flat for any count. */
export async function* checkFiles(paths: readonly string[], o: CheckOptions): AsyncGenerator<FileCheck> {
  const window: Promise<FileCheck>[] = [];
  const limit = o.concurrency ?? 16;
  const skip = new Set(o.exclude ?? []);
  for await (const file of walk(paths, isSidecarName)) {
    if (skip.has(file)) continue;
    window.push(checkOne(file, o));
    if (window.length >= limit) yield await (window.shift() as Promise<FileCheck>);
  }
  while (window.length > 0) yield await (window.shift() as Promise<FileCheck>);
}

export function summarise(results: Iterable<FileCheck>, platform = false): CheckSummary {
  const s: CheckSummary = { total: 0, passed: 0, failed: 0, byFormat: {} };
  if (platform) s.byClass = { '1': 0, '2': 0, '3': 0, none: 0 };
  for (const r of results) addToSummary(s, r);
  return s;
}

export function addToSummary(s: CheckSummary, r: FileCheck): void {
  s.total++;
  if (r.ok) s.passed++;
  else s.failed++;
  const f = r.format ?? 'unsupported';
  const e = s.byFormat[f] ?? { total: 0, failed: 0 };
  s.byFormat[f] = e;
  e.total++;
  if (!r.ok) e.failed++;
  if (s.byClass && r.platformClass !== undefined) s.byClass[r.platformClass ?? 'none']++;
}

export interface AddOptions {
  producer: string;
  produceId?: string;
  label?: LabelClass;
  implicit: boolean;
  explicit: boolean;
  explicitOptions: ExplicitOptions;
}

export interface FileAdd {
  file: string;
  format?: FormatName;
  ok: boolean;
  explicit: 'added' | 'n/a' | 'skipped';
  value?: AigcValue;
  error?: string;
  issues: LabelIssue[];
}

/** Problems of a provider code given on the command line (empty = usable); checked before any file is touched. */
export function producerProblems(code: string): string[] {
  const { problems } = checkProviderCode(code);
  const issues = buildValue({ producer: code, produceId: 'x' }).issues.filter((i) => i.severity === 'error');
  return [...new Set([...problems, ...issues.map((i) => i.code)])];
}

async function addOne(file: string, o: AddOptions): Promise<FileAdd> {
  const src = await openSource(file).catch(() => undefined);
  if (!src) return { file, ok: false, explicit: 'skipped', error: 'unreadable', issues: [] };
  const placement = await placementOf(src, file).finally(() => src.close());
  if (!placement) return { file, ok: false, explicit: 'skipped', error: 'unsupported', issues: [] };
  try {
    let explicit: FileAdd['explicit'] = 'skipped';
    if (o.explicit) explicit = (await applyExplicit(file, placement, o.explicitOptions)) ? 'added' : 'n/a';
    if (!o.implicit) return { file, format: placement.format, ok: true, explicit, issues: [] };
    const produceId = o.produceId ?? randomUUID();
    const w = await writeImplicit(file, (digest) => {
      const { value, issues } = buildValue({
        producer: o.producer,
        produceId,
        ...(o.label ? { label: o.label } : {}),
        ...(digest ? { digest } : {}),
      });
      if (issues.some((i) => i.severity === 'error'))
        throw BeianError.of('USAGE', 'label.err.value', {
          detail: issues.map((i) => `${i.field} ${i.code}`).join(', '),
        });
      return value;
    });
    return { file, format: w.format, ok: w.verdict.ok, explicit, value: w.value, issues: w.verdict.issues };
  } catch (e) {
    if (e instanceof LabelFormatError)
      return { file, format: placement.format, ok: false, explicit: 'skipped', error: e.message, issues: [] };
    if (e instanceof BeianError && e.code === 'INPUT_INVALID')
      return { file, format: placement.format, ok: false, explicit: 'skipped', error: e.message, issues: [] };
    throw e;
  }
}

export async function* addFiles(paths: readonly string[], o: AddOptions): AsyncGenerator<FileAdd> {
  // Explicit labels run encoders (sharp, ffmpeg) that already use every core: one file at a time.
  // Metadata-only labelling is I/O-bound: eight in flight, results still in input order.
  const limit = o.explicit ? 1 : 8;
  const window: Promise<FileAdd>[] = [];
  for await (const file of walk(paths, isSidecarName)) {
    window.push(addOne(file, o));
    if (window.length >= limit) yield await (window.shift() as Promise<FileAdd>);
  }
  while (window.length > 0) yield await (window.shift() as Promise<FileAdd>);
}

/** `--declared list.txt`: one path per line (relative to the list's folder or absolute). */
export async function readDeclared(list: string, cwd: string): Promise<(file: string) => boolean> {
  const text = await readFile(resolve(cwd, list), 'utf8').catch((cause) => {
    throw BeianError.of('NOT_FOUND', 'label.err.declared', { list }, { cause });
  });
  const set = new Set(
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => resolve(cwd, l)),
  );
  return (file) => set.has(resolve(cwd, file));
}
