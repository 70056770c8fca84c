import { inflateRawSync } from 'node:zlib';

/** Reads every entry of a ZIP (DOCX/XLSX) from its central directory: name → content. */
export function unzip(buf: Uint8Array): Map<string, Buffer> {
  const b = Buffer.from(buf);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    const dataStart = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const raw = b.subarray(dataStart, dataStart + size);
    out.set(name, method === 0 ? Buffer.from(raw) : inflateRawSync(raw));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** The text of a DOCX body: the w:t runs, in order. */
export function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

/**
 * A small well-formedness check (enough for generated OOXML): tags balance, no control
 * characters, every `&` starts an entity. Returns the first problem or undefined.
 */
export function xmlProblem(xml: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for exactly these
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) return 'control character';
  if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(xml)) return 'bare &';
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (!close) stack.push(name as string);
    else if (stack.pop() !== name) return `unbalanced </${name}>`;
  }
  return stack.length ? `unclosed <${stack.at(-1)}>` : undefined;
}
