import { type ByteSource, LabelFormatError } from '../source.js';
import { type Codec, ext, type FoundLabel } from './codec.js';
import { xmlEscape, xmlUnescape } from './xmp.js';
import { readMember, rewriteZip, type ZipEntry, zipEntries } from './zip.js';

const F = 'ooxml';
const CUSTOM = 'docProps/custom.xml';
const TYPES = '[Content_Types].xml';
const RELS = '_rels/.rels';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const CT = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const PROPERTY = /<property\b[^>]*\bname\s*=\s*["']AIGC["'][^>]*>([\s\S]*?)<\/property\s*>/g;

const byName = (entries: ZipEntry[], name: string) => entries.find((e) => e.name === name);

function values(xml: string): string[] {
  return [...xml.matchAll(PROPERTY)].map((m) =>
    xmlUnescape(/<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/.exec(m[1] ?? '')?.[1] ?? ''),
  );
}

function customXml(old: string | undefined, json: string): string {
  const prop = (pid: number) =>
    `<property fmtid="${FMTID}" pid="${pid}" name="AIGC"><vt:lpwstr>${xmlEscape(json)}</vt:lpwstr></property>`;
  if (old && /<\/Properties\s*>/.test(old)) {
    const rest = old.replace(PROPERTY, '');
    const pids = [...rest.matchAll(/\bpid\s*=\s*["'](\d+)["']/g)].map((m) => Number(m[1]));
    const pid = Math.max(1, ...pids) + 1;
    const close = rest.search(/<\/Properties\s*>/);
    return rest.slice(0, close) + prop(pid) + rest.slice(close);
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${prop(2)}</Properties>`
  );
}

export const ooxml: Codec = {
  id: 'ooxml',
  kind: 'document',
  placement: 'ooxml-custom-properties',
  sniff: (head, name) =>
    head.readUInt32LE(0) === 0x04034b50 &&
    ['docx', 'xlsx', 'pptx', 'docm', 'xlsm', 'pptm'].includes(ext(name)),
  async read(src: ByteSource) {
    const entries = await zipEntries(src);
    const e = byName(entries, CUSTOM);
    if (!e) return [];
    return values((await readMember(src, e)).toString('utf8')).map(
      (raw): FoundLabel => ({ raw, where: `${CUSTOM} property AIGC` }),
    );
  },
  /** The digest covers every part but the three the label touches, by name, CRC-32 and size. */
  async content(src) {
    const skip = new Set([CUSTOM, TYPES, RELS]);
    const lines = (await zipEntries(src))
      .filter((e) => !skip.has(e.name) && !e.name.endsWith('/'))
      .map((e) => `${e.name}\t${e.crc.toString(16).padStart(8, '0')}\t${e.size}\n`)
      .sort();
    return [Buffer.from(lines.join(''), 'utf8')];
  },
  async write(src, json) {
    const entries = await zipEntries(src);
    const types = byName(entries, TYPES);
    const rels = byName(entries, RELS);
    if (!types || !rels)
      throw new LabelFormatError(F, 'not an OOXML package (no content types or root relationships)');
    const old = byName(entries, CUSTOM);
    const replace = new Map<string, Buffer>();
    replace.set(
      CUSTOM,
      Buffer.from(customXml(old ? (await readMember(src, old)).toString('utf8') : undefined, json), 'utf8'),
    );
    let t = (await readMember(src, types)).toString('utf8');
    if (!t.includes('/docProps/custom.xml')) {
      t = t.replace(
        /<\/Types\s*>/,
        `<Override PartName="/docProps/custom.xml" ContentType="${CT}"/></Types>`,
      );
      replace.set(TYPES, Buffer.from(t, 'utf8'));
    }
    let r = (await readMember(src, rels)).toString('utf8');
    if (!r.includes(REL_TYPE)) {
      let id = 1;
      while (r.includes(`Id="rIdAigc${id}"`)) id++;
      r = r.replace(
        /<\/Relationships\s*>/,
        `<Relationship Id="rIdAigc${id}" Type="${REL_TYPE}" Target="docProps/custom.xml"/></Relationships>`,
      );
      replace.set(RELS, Buffer.from(r, 'utf8'));
    }
    return rewriteZip(src, entries, replace);
  },
};
