/**
 * The TC260 XMP property `<TC260:AIGC>` (namespace of the TC260 practice guides, ◐), shared by the
 * image containers. Only this property is read or replaced; the rest of a packet is kept as is.
 */
export const TC260_NS = 'http://www.tc260.org.cn/ns/AIGC/1.0/';
export const XMP_ADOBE_NS = 'http://ns.adobe.com/xap/1.0/';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function xmlUnescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const n = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '';
  });
}

export const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function prefixes(xml: string): string[] {
  const out = new Set<string>();
  const re = new RegExp(`xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*["']${escapeRe(TC260_NS)}["']`, 'g');
  for (const m of xml.matchAll(re)) if (m[1]) out.add(m[1]);
  return [...out];
}

function patterns(prefix: string): RegExp[] {
  const p = escapeRe(prefix);
  return [
    new RegExp(`<${p}:AIGC(?:\\s[^>]*)?>([\\s\\S]*?)</${p}:AIGC\\s*>`, 'g'),
    new RegExp(`\\s${p}:AIGC\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g'),
  ];
}

/** Every AIGC value in an XMP packet (more than one is a labelling error the caller reports). */
export function findAigcInXmp(xml: string): string[] {
  const values: string[] = [];
  for (const prefix of prefixes(xml))
    for (const re of patterns(prefix))
      for (const m of xml.matchAll(re)) values.push(xmlUnescape(m[1] ?? m[2] ?? m[3] ?? ''));
  return values;
}

export function buildXmpPacket(json: string): string {
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    description(json) +
    '</rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>'
  );
}

const description = (json: string) =>
  `<rdf:Description rdf:about="" xmlns:TC260="${TC260_NS}"><TC260:AIGC>${xmlEscape(json)}</TC260:AIGC></rdf:Description>`;

/** Removes every AIGC property of the packet and adds one: overwrite, never append. */
export function setAigcInXmp(xml: string | undefined, json: string): string {
  if (xml === undefined || !/<\/rdf:RDF\s*>/.test(xml)) return buildXmpPacket(json);
  let out = xml;
  for (const prefix of prefixes(xml)) for (const re of patterns(prefix)) out = out.replace(re, '');
  const close = out.search(/<\/rdf:RDF\s*>/);
  return out.slice(0, close) + description(json) + out.slice(close);
}
