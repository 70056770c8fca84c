import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { BeianError, type Issue, issueOf, osReason } from '../errors.js';
import { validatedInto } from '../util/zod-issues.js';
import { type PortalFields, PortalFieldsFile, TemplateFile, type TemplateSet } from './template.js';

/** data/templates of the installed package (same relative path from src/ and dist/). */
export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../../data/templates/', import.meta.url));

function readPortal(dir: string, issues: Issue[]): PortalFields | undefined {
  const file = join(dir, 'portal-fields.yaml');
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    issues.push(issueOf({ file }, 'file.issue.unreadable', { reason: osReason(cause) }));
    return undefined;
  }
  return validatedInto(PortalFieldsFile, raw, file, issues);
}

function readDir(dir: string, into: Map<string, TemplateFile>, issues: Issue[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /^[a-z0-9-]+\.(zh|en)\.yaml$/.test(n));
  } catch (cause) {
    throw BeianError.of(
      'NOT_FOUND',
      'materials.cannotReadTemplates',
      { dir, reason: osReason(cause) },
      { cause },
    );
  }
  for (const name of names) {
    const file = join(dir, name);
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      issues.push(issueOf({ file }, 'file.issue.unreadable', { reason: osReason(cause) }));
      continue;
    }
    const template = validatedInto(TemplateFile, raw, file, issues);
    if (template) into.set(name.replace(/\.yaml$/, ''), template);
  }
}

/**
 * Reads the default templates, then the files of `overrideDir` (if any) on top: a consultancy keeps
 * only the files it changed. All bad files are reported together.
 */
export function loadTemplates(overrideDir?: string): TemplateSet {
  const files = new Map<string, TemplateFile>();
  const issues: Issue[] = [];
  readDir(DEFAULT_TEMPLATE_DIR, files, issues);
  let portal = readPortal(DEFAULT_TEMPLATE_DIR, issues);
  if (overrideDir) {
    readDir(overrideDir, files, issues);
    portal = readPortal(overrideDir, issues) ?? portal;
  }
  if (issues.length > 0 || !portal) {
    throw BeianError.of('CONFIG_INVALID', 'materials.templatesInvalid', undefined, { issues });
  }
  return { files, portal };
}
