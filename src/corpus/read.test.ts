import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/helpers/scratch.js';
import { BlockRing } from './block-buffers.js';
import { readFileBlocks } from './blocks.js';
import { parseBlock } from './parse.js';
import { readCorpus } from './read.js';
import type { CorpusBlock, CorpusItem, CorpusReadOptions } from './types.js';

const { dir, put: write } = scratchDir('beian-corpus-');
const collect = async (files: string[], options: CorpusReadOptions = {}): Promise<CorpusItem[]> => {
  const out: CorpusItem[] = [];
  for await (const i of readCorpus(files, options)) out.push(i);
  return out;
};
// A failing property over these long texts can shrink for minutes: past this it stops and reports
// the smallest counterexample so far, so a failure never reads as a hang (as it once did here).
const SHRINK_LIMIT = { interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true };
const records = (items: CorpusItem[]) => items.filter((i) => i.kind === 'record');
const malformed = (items: CorpusItem[]) => items.filter((i) => i.kind === 'malformed');

// Real text: the first poems of the Tang anthology in chinese-poetry (traditional characters).
const poetryFile = fileURLToPath(
  new URL('../../node_modules/chinese-poetry/dist/quantangshi/poet.song.237000.json', import.meta.url),
);
const poems = (
  JSON.parse(readFileSync(poetryFile, 'utf8')) as Array<{ paragraphs: string[]; author: string }>
).slice(0, 40);
const lines = poems.map((p) => p.paragraphs.join(''));

describe('readCorpus', () => {
  it('reads JSONL with a dotted field and a source, reporting bad lines by number', async () => {
    const body = [
      JSON.stringify({ data: { content: lines[0] }, source: 'web' }),
      '{"data": {"content": "未闭合',
      JSON.stringify({ data: {} }),
      '',
      JSON.stringify({ data: { content: lines[1] } }),
      JSON.stringify({ data: { content: { nested: 1 } } }),
    ].join('\n');
    const items = await collect([write('a.jsonl', body)], { field: 'data.content' });
    expect(records(items).map((r) => [r.line, r.text, r.source])).toEqual([
      [1, lines[0], 'web'],
      [5, lines[1], undefined],
    ]);
    expect(malformed(items).map((m) => [m.line, m.reason.split(':')[0]])).toEqual([
      [2, 'invalid JSON'],
      [3, 'missing field "data.content"'],
      [6, 'field "data.content" is not text'],
    ]);
  });

  it('reads .gz transparently and UTF-8 with BOM', async () => {
    const text = `\uFEFF${lines.slice(0, 5).join('\r\n')}\r\n`;
    const gz = write('b.txt.gz', gzipSync(Buffer.from(text)));
    const items = await collect([gz]);
    expect(records(items).map((r) => r.text)).toEqual(lines.slice(0, 5));
  });

  it('detects GBK and GB18030 and honours --encoding', async () => {
    const simplified = '一二三 中文语料，检测编码。';
    const gbk = write('c.txt', iconv.encode(`${simplified}\n第二行\n`, 'gbk'));
    expect(records(await collect([gbk])).map((r) => r.text)).toEqual([simplified, '第二行']);
    const forced = records(await collect([gbk], { encoding: 'gbk' }));
    expect(forced[0]?.text).toBe(simplified);
    const gb = write('c2.txt', iconv.encode('𠀀 扩展字符\n', 'gb18030'));
    expect(records(await collect([gb], { encoding: 'gb18030' }))[0]?.text).toBe('𠀀 扩展字符');
  });

  it('reports invalid bytes with the line and still audits the text', async () => {
    const bad = Buffer.concat([
      Buffer.from(`${lines[0]}\n好`),
      Buffer.from([0xff, 0xfe, 0x41]),
      Buffer.from('\n'),
    ]);
    const items = await collect([write('d.txt', bad)], { encoding: 'utf8' });
    expect(malformed(items)).toEqual([
      {
        kind: 'malformed',
        file: join(dir, 'd.txt'),
        line: 2,
        reason: expect.stringContaining('invalid byte'),
        key: 'malformed.invalidBytes',
        params: { encoding: 'utf8' },
      },
    ]);
    expect(records(items).map((r) => r.line)).toEqual([1, 2]);
  });

  it('reports empty and binary files, and skips a huge line without losing the next ones', async () => {
    const empty = write('e.txt', '');
    const bin = write('f.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const huge = write('g.txt', `${lines[0]}\n${'长'.repeat(400_000)}\n${lines[1]}\n${lines[2]}`);
    const items = await collect([empty, bin, huge], { maxRecordBytes: 100_000, blockBytes: 64 * 1024 });
    expect(
      malformed(items).map((m) => [m.file.slice(dir.length + 1), m.line, m.reason.slice(0, 16)]),
    ).toEqual([
      ['e.txt', 0, 'empty file'],
      ['f.txt', 0, 'binary file (con'],
      ['g.txt', 2, 'record too large'],
    ]);
    expect(records(items).map((r) => [r.line, r.text])).toEqual([
      [1, lines[0]],
      [3, lines[1]],
      [4, lines[2]],
    ]);
  });

  it('reads CSV by column, with quoted multi-line fields and GBK', async () => {
    const csv = `id,text,source\n1,"${lines[0]}",a\n2,"第一行\n第二行",b\n3,,c\n`;
    const items = await collect([write('h.csv', iconv.encode(csv, 'gbk'))]);
    expect(records(items).map((r) => [r.line, r.text, r.source])).toEqual([
      [2, lines[0], 'a'],
      // a record that spans lines is located by the line it starts on
      [3, '第一行\n第二行', 'b'],
    ]);
    expect(malformed(items).map((m) => m.line)).toEqual([5]);
    const missing = await collect([write('i.csv', 'a,b\n1,2\n')]);
    expect(malformed(missing)[0]?.reason).toContain('missing column "text"');
  });

  it('keeps a UTF-8 file with a bad byte on line 1 UTF-8, and still audits that line', async () => {
    const body = Array.from({ length: 50 }, () => '免费色情网站').join('\n');
    const file = write(
      'k.txt',
      Buffer.concat([Buffer.from('坏'), Buffer.from([0xff]), Buffer.from(`${body}\n`)]),
    );
    const items = await collect([file]);
    expect(malformed(items).map((m) => [m.line, m.reason.slice(0, 30)])).toEqual([
      [1, 'invalid byte sequence for utf8'],
    ]);
    const recs = records(items);
    expect(recs).toHaveLength(50);
    expect(recs[0]?.text).toBe('坏\uFFFD免费色情网站');
    expect(recs[0]?.lossy).toBe(true);
    expect(recs.slice(1).every((r) => r.text === '免费色情网站' && !r.lossy)).toBe(true);
  });

  it('decides the encoding per line: a GBK line in a UTF-8 file, GBK files as GBK', async () => {
    const mixed = Buffer.concat([
      Buffer.from('第一行是UTF-8\n'),
      iconv.encode('第二行是GBK编码的中文\n', 'gbk'),
      Buffer.from('第三行\n'),
    ]);
    const items = await collect([write('l.txt', mixed)]);
    expect(malformed(items)).toEqual([]);
    expect(records(items).map((r) => r.text)).toEqual(['第一行是UTF-8', '第二行是GBK编码的中文', '第三行']);
  });

  it('reports a NUL as a malformed line and reads the lines after it', async () => {
    const file = write('m.txt', `${lines[0]}\n坏\u0000行\n${lines[1]}\n`);
    const items = await collect([file]);
    expect(malformed(items).map((m) => [m.line, m.reason.slice(0, 8)])).toEqual([[2, 'NUL byte']]);
    expect(records(items).map((r) => r.line)).toEqual([1, 2, 3]);
    const csv = write('m.csv', `text,source\n${lines[0]},a\n坏\u0000行,b\n${lines[1]},c\n`);
    const csvItems = await collect([csv]);
    expect(malformed(csvItems).map((m) => [m.line, m.reason.slice(0, 8)])).toEqual([[3, 'NUL byte']]);
    expect(records(csvItems).map((r) => r.text)).toEqual([lines[0], '坏行', lines[1]]);
  });

  it('reports a short CSV row, even the first one, and reads the rest of the file', async () => {
    const csv = write('n.csv', `id,text,source\n1\n2,${lines[0]},a\n3,${lines[1]},b\n`);
    const items = await collect([csv]);
    expect(malformed(items).map((m) => [m.line, m.reason])).toEqual([
      [2, 'row has 1 of 3 fields: no column "text"'],
    ]);
    expect(records(items).map((r) => [r.line, r.text])).toEqual([
      [3, lines[0]],
      [4, lines[1]],
    ]);
  });

  it('reads one record per file in txt file mode', async () => {
    const items = await collect([write('j.txt', lines.slice(0, 3).join('\n'))], { txtRecord: 'file' });
    expect(records(items)).toHaveLength(1);
    expect(records(items)[0]?.text).toBe(lines.slice(0, 3).join('\n'));
  });

  it('returns every JSONL record whatever the block size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ unit: 'grapheme', maxLength: 30 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 16, max: 4096 }),
        async (texts, blockBytes) => {
          const file = write('p.jsonl', texts.map((t) => JSON.stringify({ text: t })).join('\n'));
          const items = await collect([file], { blockBytes });
          expect(malformed(items)).toEqual([]);
          const expected = texts.map((t, i) => [i + 1, t]);
          expect(records(items).map((r) => [r.line, r.text])).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads a plain file (pulled into its own buffers) as its gzip twin (streamed) (property)', async () => {
    const line = fc.oneof(
      fc.constantFrom(...lines),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'grapheme', minLength: 200, maxLength: 600 }), // longer than many blocks
      fc.constant(''),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 16, max: 2048 }),
        async (texts, bom, crlf, blockBytes) => {
          const body = Buffer.from(`${bom ? '\ufeff' : ''}${texts.join(crlf ? '\r\n' : '\n')}`);
          const plain = write('q.txt', body);
          const gz = write('q.txt.gz', gzipSync(body));
          const shape = (items: CorpusItem[]) =>
            items.map((i) => (i.kind === 'record' ? [i.line, i.text] : [i.line, i.reason]));
          expect(shape(await collect([plain], { blockBytes }))).toEqual(
            shape(await collect([gz], { blockBytes })),
          );
        },
      ),
      { numRuns: 40, ...SHRINK_LIMIT },
    );
  });

  it('reads a plain file through a ring of shared buffers as through buffers of its own (property)', async () => {
    const line = fc.oneof(
      fc.constantFrom(...lines),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'grapheme', minLength: 100, maxLength: 400 }), // longer than a slot's room
      fc.constant(''),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 16, max: 512 }),
        fc.integer({ min: 0, max: 3 }),
        async (texts, crlf, blockBytes, late) => {
          const file = write('ring.txt', Buffer.from(texts.join(crlf ? '\r\n' : '\n')));
          const ring = new BlockRing(late + 2, 2 * blockBytes);
          // blocks are parsed (and their slot given back) `late` blocks after they were read, as
          // tasks finish while the reader goes on: a slot in use must never be read into
          const held: CorpusBlock[] = [];
          const viaRing: CorpusItem[] = [];
          const done = (b: CorpusBlock) => {
            parseBlock(b, {}, (i) => viaRing.push(i));
            if (b.kind === 'lines') ring.release(b.bytes);
          };
          for await (const b of readFileBlocks(file, { blockBytes }, undefined, file, ring)) {
            held.push(b);
            if (held.length > late) done(held.shift() as CorpusBlock);
          }
          for (const b of held) done(b);
          expect(viaRing).toEqual(await collect([file], { blockBytes }));
          expect(ring.available).toBe(late + 2); // every slot came back
        },
      ),
      { numRuns: 60, ...SHRINK_LIMIT },
    );
  });

  it('strips a BOM that a gunzip stream hands over split across its first chunks', async () => {
    // 12-byte reads of this .gz inflate to a first chunk of 1 byte: the BOM used to stay in line 1
    // (the cause of the twin property's rare failure, whose shrinking outlasted the test timeout)
    const text = `\uFEFF${lines[0]}\n${lines[1]}\n`;
    const gz = write('bom.txt.gz', gzipSync(Buffer.from(text)));
    for (const blockBytes of [12, 13, 14, 16, 64])
      expect(records(await collect([gz], { blockBytes })).map((r) => r.text)).toEqual(lines.slice(0, 2));
  });

  it('reads a FIFO whose writer hands over the BOM one byte at a time like the file itself', async () => {
    const fifo = join(dir, 'slow.fifo');
    execFileSync('mkfifo', [fifo]);
    const body = Buffer.from(`\uFEFF${lines[2]}\n${lines[3]}\n`);
    const writer = (async () => {
      const fh = await open(fifo, 'w');
      for (const part of [body.subarray(0, 1), body.subarray(1, 2), body.subarray(2)]) {
        await fh.write(part);
        await new Promise((r) => setTimeout(r, 30));
      }
      await fh.close();
    })();
    const items = await collect([fifo]);
    await writer;
    expect(records(items).map((r) => [r.line, r.text])).toEqual([
      [1, lines[2]],
      [2, lines[3]],
    ]);
  });

  it('judges a file binary on the same first bytes whatever the block size, pulled or streamed', async () => {
    const body = Buffer.concat([Buffer.from(`${lines[0]}\n`), Buffer.alloc(4000, 1)]);
    for (const f of [write('bin.txt', body), write('bin.txt.gz', gzipSync(body))])
      for (const blockBytes of [16, 256, 1 << 20])
        expect(malformed(await collect([f], { blockBytes })).map((m) => [m.line, m.key])).toEqual([
          [0, 'malformed.binary'],
        ]);
  });

  it('skips a line longer than the record limit across pulled blocks, at its line number', async () => {
    const long = '长'.repeat(400); // 1,200 bytes
    const file = write('r.txt', `${lines[0]}\n${long}\n${lines[1]}\n${long}`);
    const items = await collect([file], { blockBytes: 256, maxRecordBytes: 500 });
    expect(records(items).map((r) => [r.line, r.text])).toEqual([
      [1, lines[0]],
      [3, lines[1]],
    ]);
    expect(malformed(items).map((m) => [m.line, m.reason])).toEqual([
      [2, 'record too large (1200 bytes > 500)'],
      [4, 'record too large (1200 bytes > 500)'],
    ]);
  });
});
