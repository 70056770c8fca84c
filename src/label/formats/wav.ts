import { type ByteSource, LabelFormatError, type Piece, piecesLength, readExact } from '../source.js';
import { type Codec, type FoundLabel, MAX_META } from './codec.js';
import { copyChunk, riffChunk, riffChunks, riffHeader } from './riff.js';

const F = 'wav';
const ID = 'AIGC';

export const wav: Codec = {
  id: 'wav',
  kind: 'audio',
  placement: 'wav-aigc-chunk',
  sniff: (head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE',
  async read(src: ByteSource) {
    const found: FoundLabel[] = [];
    for (const c of await riffChunks(src, 'WAVE', F)) {
      if (c.id !== ID) continue;
      if (c.size > MAX_META) throw new LabelFormatError(F, 'AIGC chunk too large');
      // A trailing NUL is tolerated: some writers terminate RIFF text chunks.
      const raw = (await readExact(src, c.dataStart, c.size, F)).toString('utf8').replace(/\0+$/, '');
      found.push({ raw, where: 'RIFF AIGC chunk' });
    }
    return found;
  },
  async content(src) {
    const data = (await riffChunks(src, 'WAVE', F)).filter((c) => c.id === 'data');
    if (data.length === 0) throw new LabelFormatError(F, 'no data chunk');
    return data.map((c) => ({ start: c.dataStart, end: c.dataStart + c.size }));
  },
  async write(src, json) {
    const body: Piece[] = [];
    for (const c of await riffChunks(src, 'WAVE', F)) if (c.id !== ID) body.push(...copyChunk(c));
    body.push(riffChunk(ID, Buffer.from(json, 'utf8')));
    return [riffHeader('WAVE', piecesLength(body)), ...body];
  },
};
