import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type AigcValue, type LabelIssue, parseAigc, serializeAigc } from '../../label/aigc.js';
import {
  type Codec,
  ext,
  type FoundLabel,
  type MediaKind,
  SIDECAR_EXTS,
  SIDECAR_SUFFIX,
  sniff,
} from '../../label/formats/index.js';
import { digestPieces } from '../../label/integrity.js';
import { type ImplicitVerdict, judgeImplicit, withIntegrity } from '../../label/judge.js';
import { type ByteSource, isRange, LabelFormatError, type Piece, rangeBytes } from '../../label/source.js';
import { openSource, writeSmall, writeTemp } from './files.js';

export type FormatName = Codec['id'] | 'sidecar';

/** How a file carries its implicit label. */
export interface Placement {
  format: FormatName;
  kind: MediaKind;
  codec?: Codec;
}

export const sidecarPath = (file: string) => `${file}${SIDECAR_SUFFIX}`;
export const isSidecarName = (name: string) => name.endsWith(SIDECAR_SUFFIX);

export async function placementOf(src: ByteSource, file: string): Promise<Placement | undefined> {
  const head = await src.read(0, 16);
  const codec = sniff(head, basename(file));
  if (codec) return { format: codec.id, kind: codec.kind, codec };
  if (SIDECAR_EXTS.has(ext(file))) return { format: 'sidecar', kind: 'text' };
  return undefined;
}

async function* bytesOf(
  src: ByteSource,
  pieces: Iterable<Piece> | AsyncIterable<Piece>,
): AsyncGenerator<Buffer> {
  for await (const p of pieces) {
    if (isRange(p)) yield* rangeBytes(src, [p]);
    else yield p;
  }
}

/** SM3 digest of the content (undefined when the format cannot tell content from label). */
export async function contentDigest(src: ByteSource, placement: Placement): Promise<string | undefined> {
  if (!placement.codec) return digestPieces(rangeBytes(src, [{ start: 0, end: src.size }]));
  const pieces = await placement.codec.content(src);
  return pieces === undefined ? undefined : digestPieces(bytesOf(src, pieces));
}

async function sidecarFound(file: string): Promise<FoundLabel[]> {
  let text: string;
  try {
    text = await readFile(sidecarPath(file), 'utf8');
  } catch {
    return [];
  }
  // The sidecar holds the annex's wrapped form; keep it raw so parseAigc reports its errors.
  return [{ raw: text, where: `sidecar ${basename(sidecarPath(file))}` }];
}

export async function findLabels(src: ByteSource, file: string, placement: Placement): Promise<FoundLabel[]> {
  return placement.codec ? placement.codec.read(src) : sidecarFound(file);
}

export interface Inspection {
  file: string;
  format?: FormatName;
  kind?: MediaKind;
  size?: number;
  found: FoundLabel[];
  verdict: ImplicitVerdict;
  digest?: string;
}

const problem = (code: LabelIssue['code'], detail?: string): ImplicitVerdict => ({
  ok: false,
  present: false,
  fields: {},
  issues: [{ severity: 'error', code, ...(detail ? { detail } : {}) }],
  needsDigest: false,
});

/** Reads and judges one file's implicit label; a damaged file is a verdict, never a throw. */
export async function inspectImplicit(
  file: string,
  options: { alwaysDigest?: boolean } = {},
): Promise<Inspection> {
  let src: Awaited<ReturnType<typeof openSource>>;
  try {
    src = await openSource(file);
  } catch (e) {
    return {
      file,
      found: [],
      verdict: problem('damaged', (e as NodeJS.ErrnoException).code ?? 'unreadable'),
    };
  }
  try {
    const placement = await placementOf(src, file);
    if (!placement) return { file, size: src.size, found: [], verdict: problem('unsupported') };
    const base = { file, format: placement.format, kind: placement.kind, size: src.size };
    try {
      const found = await findLabels(src, file, placement);
      let verdict = judgeImplicit(found);
      let digest: string | undefined;
      if (verdict.needsDigest || options.alwaysDigest) {
        digest = await contentDigest(src, placement);
        verdict = withIntegrity(verdict, digest);
      } else if (verdict.value) verdict = withIntegrity(verdict, undefined);
      return { ...base, found, verdict, ...(digest ? { digest } : {}) };
    } catch (e) {
      if (e instanceof LabelFormatError || e instanceof RangeError)
        return { ...base, found: [], verdict: problem('damaged', e.message.slice(0, 200)) };
      throw e;
    }
  } finally {
    await src.close();
  }
}

/**
 * Writes one implicit label (replacing any other), computing ReservedCode1 from the content, then
 * reads the written file back and checks it before renaming it into place. Formats whose content
 * boundary moves with the write (PDF revisions) get a second pass with the digest of the result.
 */
export async function writeImplicit(
  file: string,
  make: (digest: string | undefined) => AigcValue,
): Promise<{ value: AigcValue; format: FormatName; verdict: ImplicitVerdict }> {
  const src = await openSource(file);
  try {
    const placement = await placementOf(src, file);
    if (!placement) throw new LabelFormatError(ext(file) || basename(file), 'unsupported format');
    if (!placement.codec) {
      const value = make(await contentDigest(src, placement));
      await writeSmall(sidecarPath(file), `${JSON.stringify({ AIGC: JSON.parse(serializeAigc(value)) })}\n`);
      const verdict = withIntegrity(
        judgeImplicit(await sidecarFound(file)),
        await contentDigest(src, placement),
      );
      return { value, format: 'sidecar', verdict };
    }
    const codec = placement.codec;
    let digest = await contentDigest(src, placement);
    let source: ByteSource = src;
    let tmp: Awaited<ReturnType<typeof writeTemp>> | undefined;
    const opened: Array<{ close(): Promise<void> }> = [];
    try {
      for (let pass = 0; pass < 2; pass++) {
        const value = make(digest);
        const next = await writeTemp(source, await codec.write(source, serializeAigc(value)), file);
        if (tmp) await tmp.discard();
        tmp = next;
        const back = await openSource(tmp.path);
        try {
          const after = await contentDigest(back, placement);
          const verdict = withIntegrity(judgeImplicit(await codec.read(back)), after);
          const same = verdict.value && serializeAigc(verdict.value) === serializeAigc(value);
          if (same && after === digest) {
            await tmp.commit();
            return { value, format: codec.id, verdict };
          }
          if (!same || pass === 1) {
            await tmp.discard();
            throw new LabelFormatError(codec.id, 'the label did not read back as written');
          }
          digest = after;
        } finally {
          await back.close();
        }
        const again = await openSource(tmp.path);
        opened.push(again);
        source = again;
      }
    } finally {
      for (const o of opened) await o.close();
    }
    throw new LabelFormatError(codec.id, 'unreachable');
  } finally {
    await src.close();
  }
}

export { parseAigc };
