import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BeianError } from '../../errors.js';
import { findRhythm, type Rhythm, rhythmPcm } from '../../label/explicit-audio.js';
import { type ImagePosition, imageLabelLayout } from '../../label/explicit-image.js';
import { checkTextLabel, createTextLabeler, type TextPosition } from '../../label/explicit-text.js';
import { ext } from '../../label/formats/index.js';
import { riffChunk, riffChunks, riffHeader } from '../../label/formats/riff.js';
import type { LabellingKb } from '../../label/kb.js';
import { type Piece, piecesLength, readExact } from '../../label/source.js';
import { openSource, writeSmall, writeTemp } from './files.js';
import type { Placement } from './implicit.js';
import { probe, tool } from './tools.js';

export interface ExplicitOptions {
  text: string;
  textPosition: TextPosition;
  imagePosition: ImagePosition;
  minHeightRatio: number;
  rhythm: Rhythm;
  /** a spoken label to use instead of the rhythm */
  audioLabel?: string;
  audioPosition: 'start' | 'end';
  videoSeconds: number;
  videoThroughout: boolean;
  font: string;
}

/** The KB's label in its default placement: what `beian label add --explicit` starts from. */
export const defaultExplicitOptions = (kb: LabellingKb): ExplicitOptions => ({
  text: kb.explicit.text.default.zh,
  textPosition: 'start',
  imagePosition: 'bottom-right',
  minHeightRatio: kb.explicit.image.minHeightRatio,
  rhythm: kb.explicit.audio.rhythm,
  audioPosition: 'start',
  videoSeconds: 2,
  videoThroughout: false,
  font: 'Noto Sans CJK SC',
});

export type ExplicitStatus = 'ok' | 'missing' | 'n/a';

const TEXT_EXTS = new Set(['txt', 'md', 'markdown']);
const FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/** Adds the visible label for the file's media kind; returns false when the kind has none here. */
export async function applyExplicit(
  file: string,
  placement: Placement,
  o: ExplicitOptions,
): Promise<boolean> {
  if (placement.kind === 'text' || placement.format === 'markdown') {
    if (!TEXT_EXTS.has(ext(file))) return false; // JSON, CSV…: a label inside would break the format
    return applyText(file, placement, o);
  }
  if (placement.kind === 'image') return applyImage(file, o);
  if (placement.kind === 'audio') return applyAudio(file, placement, o);
  if (placement.kind === 'video') return applyVideo(file, o);
  return false;
}

async function applyText(file: string, placement: Placement, o: ExplicitOptions): Promise<boolean> {
  const text = await readFile(file, 'utf8');
  const labeler = createTextLabeler({ label: o.text, position: o.textPosition });
  let out: string;
  if (placement.format === 'markdown') {
    const fm = /^(?:\uFEFF)?---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
    const head = fm ? fm[0] : '';
    out = head + labeler.apply(text.slice(head.length));
  } else out = labeler.apply(text);
  if (out !== text) await writeSmall(file, out);
  return true;
}

async function applyImage(file: string, o: ExplicitOptions): Promise<boolean> {
  const sharp = (await import('sharp')).default;
  const input = await readFile(file);
  const meta = await sharp(input).metadata();
  if (!meta.width || !meta.height || !meta.format)
    throw BeianError.of('INPUT_INVALID', 'label.err.imageSize', { file });
  const layout = imageLabelLayout({
    width: meta.width,
    height: meta.height,
    text: o.text,
    position: o.imagePosition,
    minRatio: o.minHeightRatio,
    font: o.font,
  });
  const out = await sharp(input)
    .composite([{ input: Buffer.from(layout.svg), left: layout.left, top: layout.top }])
    .toFormat(meta.format as keyof import('sharp').FormatEnum)
    .toBuffer();
  await writeSmall(file, out);
  return true;
}

/** 16-bit PCM WAV: the rhythm goes straight into the data chunk, no re-encoding. */
async function applyWav(file: string, o: ExplicitOptions): Promise<boolean> {
  const src = await openSource(file);
  try {
    const chunks = await riffChunks(src, 'WAVE', 'wav');
    const fmt = chunks.find((c) => c.id === 'fmt ');
    const data = chunks.find((c) => c.id === 'data');
    if (!fmt || !data) return false;
    const f = await readExact(src, fmt.dataStart, Math.min(16, fmt.size), 'wav');
    if (f.readUInt16LE(0) !== 1 || f.readUInt16LE(14) !== 16) return false; // not 16-bit PCM: ffmpeg path
    const channels = f.readUInt16LE(2);
    const rate = f.readUInt32LE(4);
    const pcm = rhythmPcm(o.rhythm, rate, channels);
    const body: Piece[] = [];
    for (const c of chunks) {
      if (c !== data) {
        body.push({ start: c.start, end: c.end });
        continue;
      }
      const samples: Piece = { start: c.dataStart, end: c.dataStart + c.size };
      const size = pcm.length + c.size;
      const head = riffChunk('data', Buffer.alloc(0));
      head.writeUInt32LE(size, 4);
      body.push(head, ...(o.audioPosition === 'start' ? [pcm, samples] : [samples, pcm]));
      if (size & 1) body.push(Buffer.alloc(1));
    }
    const t = await writeTemp(src, [riffHeader('WAVE', piecesLength(body)), ...body], file);
    await t.commit();
    return true;
  } finally {
    await src.close();
  }
}

const ENCODERS: Record<string, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-q:a', '2'],
  flac: ['-c:a', 'flac'],
  vorbis: ['-c:a', 'libvorbis', '-q:a', '5'],
  opus: ['-c:a', 'libopus', '-b:a', '96k'],
  pcm_s16le: ['-c:a', 'pcm_s16le'],
  aac: ['-c:a', 'aac', '-b:a', '128k'],
};

/** Re-encodes `file` with ffmpeg (input first, then `args`) into a sibling temp file renamed over it. */
async function ffmpegInPlace(file: string, args: readonly string[]): Promise<void> {
  const out = join(dirname(file), `.${Date.now()}-${process.pid}.beian-tmp.${ext(file)}`);
  try {
    await tool('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', file, ...args, out]);
    await rename(out, file);
  } catch (e) {
    await rm(out, { force: true });
    throw e;
  }
}

async function applyAudio(file: string, placement: Placement, o: ExplicitOptions): Promise<boolean> {
  if (placement.format === 'wav' && !o.audioLabel && (await applyWav(file, o))) return true;
  const info = await probe(file);
  const a = info.audio;
  if (!a?.sampleRate || !a.channels) throw BeianError.of('INPUT_INVALID', 'label.err.noAudio', { file });
  const enc = ENCODERS[a.codec];
  if (!enc) throw BeianError.of('INPUT_INVALID', 'label.err.codec', { file, codec: a.codec });
  const work = await mkdtemp(join(tmpdir(), 'beian-label-'));
  try {
    let label = o.audioLabel;
    if (!label) {
      label = join(work, 'rhythm.wav');
      const pcm = rhythmPcm(o.rhythm, a.sampleRate, a.channels);
      await writeFile(label, wavFile(pcm, a.sampleRate, a.channels));
    }
    const norm = `aresample=${a.sampleRate},aformat=sample_fmts=s16:channel_layouts=${a.channels === 1 ? 'mono' : 'stereo'}`;
    const order = o.audioPosition === 'start' ? '[l][m]' : '[m][l]';
    await ffmpegInPlace(file, [
      '-i',
      label,
      '-filter_complex',
      `[0:a]${norm}[m];[1:a]${norm}[l];${order}concat=n=2:v=0:a=1[out]`,
      '-map',
      '[out]',
      '-map_metadata',
      '0',
      ...enc,
    ]);
    return true;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export function wavFile(pcm: Buffer, rate: number, channels: number): Buffer {
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(rate, 4);
  fmt.writeUInt32LE(rate * channels * 2, 8);
  fmt.writeUInt16LE(channels * 2, 12);
  fmt.writeUInt16LE(16, 14);
  const body = Buffer.concat([riffChunk('fmt ', fmt), riffChunk('data', pcm)]);
  return Buffer.concat([riffHeader('WAVE', body.length), body]);
}

async function applyVideo(file: string, o: ExplicitOptions): Promise<boolean> {
  const info = await probe(file);
  const v = info.video;
  if (!v?.width || !v.height) throw BeianError.of('INPUT_INVALID', 'label.err.noVideo', { file });
  const layout = imageLabelLayout({
    width: v.width,
    height: v.height,
    text: o.text,
    minRatio: o.minHeightRatio,
    position: o.imagePosition,
  });
  const work = await mkdtemp(join(tmpdir(), 'beian-label-'));
  try {
    const textFile = join(work, 'label.txt');
    await writeFile(textFile, layout.lines.join('\n'));
    const x = layout.left + Math.ceil(layout.fontSize * 0.3);
    const y = layout.top + Math.ceil(layout.fontSize * 0.3);
    const enable = o.videoThroughout ? '' : `:enable='lt(t,${o.videoSeconds})'`;
    const draw = `drawtext=fontfile=${FONT_FILE}:textfile=${textFile}:fontsize=${layout.fontSize}:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=${Math.ceil(layout.fontSize * 0.3)}:x=${x}:y=${y}${enable}`;
    await ffmpegInPlace(file, [
      '-vf',
      draw,
      '-map',
      '0',
      '-map_metadata',
      '0',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'copy',
      '-movflags',
      'use_metadata_tags',
    ]);
    return true;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The explicit-label check where a machine can make it: text (both elements) and 16-bit WAV (rhythm). */
export async function checkExplicit(file: string, placement: Placement): Promise<ExplicitStatus> {
  if ((placement.kind === 'text' || placement.format === 'markdown') && TEXT_EXTS.has(ext(file))) {
    const src = await openSource(file);
    try {
      const head = (await src.read(0, 4096)).toString('utf8');
      const tail =
        src.size > 4096 ? (await src.read(Math.max(0, src.size - 4096), 4096)).toString('utf8') : '';
      const body =
        placement.format === 'markdown'
          ? head.replace(/^(?:\uFEFF)?---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/, '')
          : head;
      return checkTextLabel(`${body}${tail ? `\n${tail}` : ''}`, 600).ok ? 'ok' : 'missing';
    } finally {
      await src.close();
    }
  }
  if (placement.format === 'wav') {
    const src = await openSource(file);
    try {
      const chunks = await riffChunks(src, 'WAVE', 'wav');
      const fmt = chunks.find((c) => c.id === 'fmt ');
      const data = chunks.find((c) => c.id === 'data');
      if (!fmt || !data) return 'n/a';
      const f = await readExact(src, fmt.dataStart, Math.min(16, fmt.size), 'wav');
      if (f.readUInt16LE(0) !== 1 || f.readUInt16LE(14) !== 16) return 'n/a';
      const ch = f.readUInt16LE(2);
      const rate = f.readUInt32LE(4);
      const whole = Math.min(data.size, rate * ch * 2 * 3);
      const span = whole - (whole % (ch * 2));
      const start = await src.read(data.dataStart, span);
      const end = await src.read(data.dataStart + data.size - span, span);
      return findRhythm(start, rate, ch) || findRhythm(end, rate, ch) ? 'ok' : 'missing';
    } finally {
      await src.close();
    }
  }
  return 'n/a';
}
