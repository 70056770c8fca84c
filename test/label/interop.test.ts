import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectImplicit, writeImplicit } from '../../src/app/label/implicit.js';
import { serializeAigc } from '../../src/label/aigc.js';
import { buildValue } from '../../src/label/judge.js';
import { makeAudio, makeDocuments, makeImages, makePdf, makeVideo } from './media.js';

/**
 * Labels written by beian, read back by tools nobody here wrote (exiftool, ffprobe, Python's
 * zipfile), and labels written by those tools, checked by beian.
 */
const run = promisify(execFile);
const CONFIG = new URL('./exiftool-aigc.config', import.meta.url).pathname;
const PRODUCER = '001191110102MAD55U9H0F10002';
let dir: string;
let originals: string;
const files: string[] = [];

const exifAigc = async (file: string) => {
  const { stdout } = await run('exiftool', [
    '-config',
    CONFIG,
    '-j',
    '-G1',
    '-a',
    '-AIGC',
    '-UserDefinedText',
    file,
  ]);
  const row = (JSON.parse(stdout) as Array<Record<string, string>>)[0] ?? {};
  const values = Object.entries(row)
    .filter(([k]) => /AIGC|UserDefinedText/i.test(k))
    .map(([, v]) => String(v).replace(/^\(AIGC\) /, ''));
  return values;
};

const label = (file: string, id: string) =>
  writeImplicit(
    file,
    (digest) => buildValue({ producer: PRODUCER, produceId: id, ...(digest ? { digest } : {}) }).value,
  );

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'beian-interop-'));
  originals = mkdtempSync(join(tmpdir(), 'beian-orig-'));
  files.push(
    ...(await makeImages(dir)),
    ...(await makeAudio(dir)),
    ...(await makeVideo(dir)),
    ...(await makeDocuments(dir)),
    await makePdf(dir),
  );
  for (const f of files) copyFileSync(f, join(originals, basename(f)));
}, 120_000);

describe('beian writes, others read', () => {
  it('every format round-trips; relabelling overwrites (one label, the new one)', async () => {
    for (const f of files) {
      await label(f, 'first-1');
      const w = await label(f, 'second-2');
      const back = await inspectImplicit(f);
      expect(back.found, basename(f)).toHaveLength(1);
      expect(back.verdict.ok, basename(f)).toBe(true);
      expect(back.verdict.issues, basename(f)).toEqual([]);
      expect(back.verdict.value).toEqual(w.value);
      expect(back.verdict.value?.ProduceID).toBe('second-2');
    }
  });

  it('exiftool reads the same value from images, audio, video and PDF', async () => {
    for (const f of files.filter((x) =>
      /\.(png|jpg|webp|gif|tif|wav|mp3|flac|ogg|opus|mp4|mov|pdf)$/.test(x),
    )) {
      const ours = (await inspectImplicit(f)).verdict.value;
      expect(ours, basename(f)).toBeDefined();
      expect(await exifAigc(f), basename(f)).toEqual([serializeAigc(ours as NonNullable<typeof ours>)]);
    }
  });

  it('ffprobe reads the tag from MP4, MOV, MP3, FLAC and Ogg, and every file still decodes', async () => {
    for (const f of files.filter((x) => /\.(mp4|mov|mp3|flac|ogg|opus)$/.test(x))) {
      const { stdout } = await run('ffprobe', [
        '-v',
        'error',
        '-show_entries',
        'format_tags=AIGC:stream_tags=AIGC',
        '-of',
        'json',
        f,
      ]);
      const j = JSON.parse(stdout) as {
        format?: { tags?: { AIGC?: string } };
        streams?: Array<{ tags?: { AIGC?: string } }>;
      };
      const tag = j.format?.tags?.AIGC ?? j.streams?.find((s) => s.tags?.AIGC)?.tags?.AIGC;
      expect(tag, basename(f)).toBe(serializeAigc((await inspectImplicit(f)).verdict.value as never));
      const { stderr } = await run('ffmpeg', ['-v', 'error', '-i', f, '-f', 'null', '-']);
      expect(stderr, basename(f)).toBe('');
    }
    const sharp = (await import('sharp')).default;
    for (const f of files.filter((x) => /\.(png|jpg|webp|gif|tif)$/.test(x))) {
      const m = await sharp(f).stats();
      expect(m.channels.length, basename(f)).toBeGreaterThan(0);
    }
  });

  it("Python's zipfile reads docProps/custom.xml of DOCX and XLSX", async () => {
    for (const f of files.filter((x) => /\.(docx|xlsx)$/.test(x))) {
      const py = `import zipfile,sys,re\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nx=z.read('docProps/custom.xml').decode()\nct=z.read('[Content_Types].xml').decode()\nassert '/docProps/custom.xml' in ct\nprint(re.search(r'name="AIGC"><vt:lpwstr>(.*?)</vt:lpwstr>',x).group(1).replace('&quot;','"'))`;
      const { stdout } = await run('python3', ['-c', py, f]);
      expect(stdout.trim(), basename(f)).toBe(
        serializeAigc((await inspectImplicit(f)).verdict.value as never),
      );
    }
  });
});

describe('PPTX (a package built by Python zipfile)', () => {
  it('labels, relabels and Python reads it back; members are copied byte for byte', async () => {
    const f = join(dir, 'deck.pptx');
    const make = `import zipfile,sys
z=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED)
z.writestr('[Content_Types].xml','<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
z.writestr('_rels/.rels','<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="ppt/presentation.xml"/></Relationships>')
z.writestr('ppt/presentation.xml','<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>')
z.close()`;
    await run('python3', ['-c', make, f]);
    await label(f, 'deck-1');
    await label(f, 'deck-2');
    const py = `import zipfile,sys,re\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nassert z.read('ppt/presentation.xml').startswith(b'<p:presentation')\nx=z.read('docProps/custom.xml').decode()\nprint(len(re.findall('name="AIGC"',x)), 'rIdAigc' in z.read('_rels/.rels').decode())`;
    const { stdout } = await run('python3', ['-c', py, f]);
    expect(stdout.trim()).toBe('1 True');
    expect((await inspectImplicit(f)).verdict.value?.ProduceID).toBe('deck-2');
  });
});

describe('others write, beian checks', () => {
  it('exiftool-labelled images, PDF and MP4/MOV pass, integrity included', async () => {
    const targets = [
      'img.png',
      'img.jpg',
      'img.webp',
      'img-lossless.webp',
      'img.gif',
      'img.tif',
      'doc.pdf',
      'video.mp4',
      'video.mov',
    ];
    const tags: Record<string, string> = { pdf: '-PDF:AIGC', mp4: '-Keys:AIGC', mov: '-Keys:AIGC' };
    const work = mkdtempSync(join(tmpdir(), 'beian-exif-'));
    for (const name of targets) {
      const f = join(work, name);
      copyFileSync(join(originals, name), f);
      const digest = (await inspectImplicit(f, { alwaysDigest: true })).digest;
      expect(digest, name).toMatch(/^[0-9a-f]{64}$/);
      const value = serializeAigc(
        buildValue({ producer: PRODUCER, produceId: `exif-${name}`, digest }).value,
      );
      const tag = tags[name.split('.').pop() as string] ?? '-XMP-TC260:AIGC';
      await run('exiftool', ['-config', CONFIG, '-q', '-overwrite_original', `${tag}=${value}`, f]);
      const back = await inspectImplicit(f);
      expect(back.verdict.issues, name).toEqual([]);
      expect(back.verdict.ok, name).toBe(true);
      expect(serializeAigc(back.verdict.value as never)).toBe(value);
    }
  });

  it('ffmpeg-labelled MP3, FLAC, Ogg and MP4 (-movflags use_metadata_tags) pass', async () => {
    const work = mkdtempSync(join(tmpdir(), 'beian-ff-'));
    const value = serializeAigc(buildValue({ producer: PRODUCER, produceId: 'ff-1' }).value);
    for (const name of ['audio.mp3', 'audio.flac', 'audio.ogg', 'video.mp4']) {
      const out = join(work, name);
      const extra = name.endsWith('.mp4') ? ['-movflags', 'use_metadata_tags'] : [];
      await run('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-i',
        join(originals, name),
        '-c',
        'copy',
        '-metadata',
        `AIGC=${value}`,
        ...extra,
        out,
      ]);
      const back = await inspectImplicit(out);
      expect(back.verdict.ok, name).toBe(true);
      expect(
        back.verdict.issues.map((i) => i.code),
        name,
      ).toEqual(['integrity-missing']);
    }
  });
});

describe('what check catches', () => {
  it('content changed after labelling: ReservedCode1 mismatch', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'beian-tamper-')), 'a.wav');
    copyFileSync(join(originals, 'audio.wav'), f);
    await label(f, 't-1');
    const b = readFileSync(f);
    const at = b.indexOf(Buffer.from('data')) + 200;
    b[at] = (b[at] ?? 0) ^ 0xff;
    writeFileSync(f, b);
    const v = (await inspectImplicit(f)).verdict;
    expect(v.ok).toBe(false);
    expect(v.issues.map((i) => i.code)).toEqual(['integrity-mismatch']);
  });

  it('two labels in one file are an error', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'beian-dup-')), 'a.md');
    const one = serializeAigc(buildValue({ producer: PRODUCER, produceId: 'a' }).value);
    writeFileSync(f, `---\nAIGC: '${one}'\nAIGC: '${one}'\n---\nbody\n`);
    const v = (await inspectImplicit(f)).verdict;
    expect(v.issues.map((i) => i.code)).toContain('duplicate');
    expect(v.ok).toBe(false);
    await label(f, 'fixed');
    expect((await inspectImplicit(f)).found).toHaveLength(1);
  });

  it('a damaged file is a verdict, not a crash', async () => {
    const f = join(mkdtempSync(join(tmpdir(), 'beian-bad-')), 'x.mp4');
    writeFileSync(
      f,
      Buffer.concat([
        Buffer.from([0, 0, 0, 24]),
        Buffer.from('ftypisom'),
        Buffer.alloc(12),
        Buffer.from([0xff, 0xff, 0xff, 0xff]),
        Buffer.from('moov'),
      ]),
    );
    const v = (await inspectImplicit(f)).verdict;
    expect(v.issues[0]?.code).toBe('damaged');
  });
});
