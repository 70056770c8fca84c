import { createHash } from 'node:crypto';
import type { AigcValue, LabelIssue } from './aigc.js';

/**
 * ReservedCode1 integrity data: the SM3 digest (GB/T 32905, the national hash the TC260 guides
 * use for SecurityData) of the file's content with every label placement left out, as 64 lowercase
 * hex characters. Each format defines which bytes are "content" (its essence: pixels, samples,
 * scan data, mdat…), so relabelling or another tool's metadata edits keep the digest stable.
 */
export const INTEGRITY_HEX = /^[0-9a-f]{64}$/;

export function newDigest(): { update(chunk: Buffer): void; hex(): string } {
  const h = createHash('sm3');
  return {
    update: (chunk) => {
      h.update(chunk);
    },
    hex: () => h.digest('hex'),
  };
}

export async function digestPieces(chunks: AsyncIterable<Buffer>): Promise<string> {
  const d = newDigest();
  for await (const c of chunks) d.update(c);
  return d.hex();
}

/** Compares ReservedCode1 with the digest of the content; undefined digest = not computable. */
export function checkIntegrity(value: AigcValue, digest: string | undefined): LabelIssue[] {
  const code = value.ReservedCode1;
  if (code === undefined || code === '')
    return [{ severity: 'warning', code: 'integrity-missing', field: 'ReservedCode1' }];
  if (!INTEGRITY_HEX.test(code.toLowerCase()))
    return [{ severity: 'warning', code: 'integrity-format', field: 'ReservedCode1' }];
  if (digest === undefined)
    return [{ severity: 'warning', code: 'integrity-format', field: 'ReservedCode1', detail: 'no-content' }];
  if (code.toLowerCase() !== digest)
    return [{ severity: 'error', code: 'integrity-mismatch', field: 'ReservedCode1' }];
  return [];
}
