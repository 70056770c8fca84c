import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAudio, makeDocuments, makeImages, makePdf, makeVideo } from '../../../test/label/media.js';
import { writeImplicit } from '../../app/label/implicit.js';
import { parseAigc, serializeAigc } from '../aigc.js';
import { buildValue } from '../judge.js';
import { bufferSource, isRange, LabelFormatError, type Piece } from '../source.js';
import { codecs, sniff } from './index.js';

/**
 * Every reader on damaged input (truncated, bytes flipped, sizes blown up to 0xFFFFFFFF): a
 * LabelFormatError or a result, never another exception and never a hang.
 */
const samples = new Map<string, Buffer>();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-fuzz-'));
  const files = [
    ...(await makeImages(dir)),
    ...(await makeAudio(dir)),
    ...(await makeVideo(dir)),
    ...(await makeDocuments(dir)).filter((f) => /\.(docx|xlsx|md)$/.test(f)),
    await makePdf(dir),
  ];
  for (const f of files) {
    await writeImplicit(
      f,
      (digest) => buildValue({ producer: '001191110102MAD55U9H0F10002', produceId: 'fz-1', digest }).value,
    );
    samples.set(f.split('/').pop() as string, readFileSync(f));
  }
}, 120_000);

/** One sample per container codec, readers and writers both. */
const ONE_PER_CODEC = [
  'img.png',
  'img.jpg',
  'img.webp',
  'img.gif',
  'img.tif',
  'audio.wav',
  'audio.mp3',
  'audio.flac',
  'audio.ogg',
  'video.mp4',
  'doc.docx',
  'doc.md',
  'doc.pdf',
];
/** Other layouts of those containers, which the readers must survive damaged as well. */
const VARIANTS = ['img-lossless.webp', 'audio.opus', 'video-faststart.mp4', 'video.mov', 'doc.xlsx'];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'huge'; at: number };

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('huge' as const), at: fc.nat() }),
);

function mutate(b: Buffer, ms: Mutation[]): Buffer {
  let out = Buffer.from(b);
  for (const m of ms) {
    if (out.length === 0) break;
    const at = m.at % out.length;
    if (m.kind === 'truncate') out = out.subarray(0, at);
    else if (m.kind === 'flip') out[at] = m.byte;
    else out.fill(0xff, at, Math.min(out.length, at + 4));
  }
  return out;
}

async function exercise(name: string, data: Buffer): Promise<void> {
  const codec = sniff(data.subarray(0, 16), name) ?? codecs.markdown;
  const src = bufferSource(data);
  for (const step of [
    () => codec.read(src),
    async () => {
      const c = await codec.content(src);
      if (c) for await (const _ of c);
    },
    async () => {
      for await (const _ of await codec.write(src, '{"Label":"1"}'));
    },
  ]) {
    try {
      await step();
    } catch (e) {
      if (!(e instanceof LabelFormatError)) throw e;
    }
  }
}

describe('readers survive damaged files', () => {
  it('every sample was made', () => {
    expect(samples.size).toBeGreaterThanOrEqual(17);
  });
  for (const name of [...ONE_PER_CODEC, ...VARIANTS])
    it(name, async () => {
      const data = samples.get(name) as Buffer;
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
          await exercise(name, mutate(data, ms));
        }),
        { numRuns: 200 },
      );
    });
});

async function materialise(src: Buffer, pieces: Iterable<Piece> | AsyncIterable<Piece>): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const p of pieces) out.push(isRange(p) ? src.subarray(p.start, p.end) : p);
  return Buffer.concat(out);
}

describe('writers round-trip any valid value, characters that need escaping included', () => {
  // The annex set: 0x21, 0x23–0x5B, 0x5D–0x7E and the quote: & < > ' " all occur.
  const chars = [...Array(0x7f - 0x21).keys()]
    .map((i) => String.fromCharCode(0x21 + i))
    .filter((c) => c !== '\\');
  const value = fc.record({
    Label: fc.constantFrom('1' as const, '2' as const, '3' as const),
    ContentProducer: fc.constant('001191110102MAD55U9H0F10002'),
    ProduceID: fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 60 }),
    ReservedCode2: fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 60 }),
  });
  for (const name of ONE_PER_CODEC)
    it(name, async () => {
      const data = samples.get(name) as Buffer;
      const codec = sniff(data.subarray(0, 16), name) ?? codecs.markdown;
      await fc.assert(
        fc.asyncProperty(value, async (v) => {
          const json = serializeAigc(v);
          const once = await materialise(data, await codec.write(bufferSource(data), json));
          const twice = await materialise(once, await codec.write(bufferSource(once), json));
          const found = await codec.read(bufferSource(twice));
          expect(found).toHaveLength(1);
          expect(parseAigc(found[0]?.raw ?? '').value).toEqual(v);
        }),
        { numRuns: 40 },
      );
    });
});
