import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyExplicit,
  checkExplicit,
  defaultExplicitOptions,
  type ExplicitOptions,
} from '../../src/app/label/explicit.js';
import { openSource } from '../../src/app/label/files.js';
import { placementOf } from '../../src/app/label/implicit.js';
import { loadLabellingKb } from '../../src/app/label/kb.js';
import { probe } from '../../src/app/label/tools.js';
import { imageLabelLayout } from '../../src/label/explicit-image.js';
import { runCli } from '../helpers/cli.js';
import { makeAudio, makeImages, makeVideo } from './media.js';

const run = promisify(execFile);
const kb = loadLabellingKb();
const options: ExplicitOptions = defaultExplicitOptions(kb);
let orig: string;
let work: string;

beforeAll(async () => {
  orig = mkdtempSync(join(tmpdir(), 'beian-exp-o-'));
  work = mkdtempSync(join(tmpdir(), 'beian-exp-w-'));
  await makeImages(orig);
  await makeAudio(orig);
  await makeVideo(orig, 'video', 4);
}, 60_000);

const copy = (name: string) => {
  const f = join(work, name);
  copyFileSync(join(orig, name), f);
  return f;
};
const place = async (f: string) => {
  const s = await openSource(f);
  try {
    return (await placementOf(s, f)) as NonNullable<Awaited<ReturnType<typeof placementOf>>>;
  } finally {
    await s.close();
  }
};

/** Mean luminance of a region of a frame or image, by sharp. */
async function regionMean(file: string, box: { left: number; top: number; width: number; height: number }) {
  const sharp = (await import('sharp')).default;
  const s = await sharp(file).extract(box).greyscale().stats();
  return s.channels[0]?.mean ?? 0;
}

describe('explicit labels on real media', () => {
  it('images: a dark label box with light text appears where the layout says', async () => {
    for (const name of ['img.png', 'img.jpg', 'img.webp', 'img.tif']) {
      const f = copy(name);
      expect(await applyExplicit(f, await place(f), options)).toBe(true);
      const l = imageLabelLayout({ width: 64, height: 48, text: options.text });
      const box = { left: l.left, top: l.top, width: l.width, height: l.height };
      const before = await regionMean(join(orig, name), box);
      const after = await regionMean(f, box);
      expect(Math.abs(after - before), basename(f)).toBeGreaterThan(5);
    }
  });

  it('WAV: the 短长短短 rhythm is prepended and detected; the untouched file is not', async () => {
    const f = copy('audio.wav');
    expect(await checkExplicit(f, await place(f))).toBe('missing');
    await applyExplicit(f, await place(f), options);
    expect(await checkExplicit(f, await place(f))).toBe('ok');
    const d = (await probe(f)).duration ?? 0;
    expect(d).toBeGreaterThan(0.5 + 1.0);
  });

  it('MP3, FLAC, Ogg, Opus: ffmpeg prepends the rhythm, the codec stays', async () => {
    for (const name of ['audio.mp3', 'audio.flac', 'audio.ogg', 'audio.opus']) {
      const f = copy(name);
      const before = await probe(f);
      await applyExplicit(f, await place(f), options);
      const after = await probe(f);
      expect(after.audio?.codec, name).toBe(before.audio?.codec);
      expect((after.duration ?? 0) - (before.duration ?? 0), name).toBeGreaterThan(1.0);
    }
  });

  it('video: label on the opening 2 s only, then gone', async () => {
    const f = copy('video.mp4');
    await applyExplicit(f, await place(f), options);
    const l = imageLabelLayout({ width: 160, height: 120, text: options.text });
    const box = { left: l.left, top: l.top, width: l.width, height: l.height };
    let n = 0;
    const frame = async (video: string, t: number) => {
      // distinct names: sharp caches decoded files by path
      const out = join(work, `frame-${n++}.png`);
      await run('ffmpeg', ['-v', 'error', '-y', '-ss', String(t), '-i', video, '-frames:v', '1', out]);
      const sharp = (await import('sharp')).default;
      return sharp(out).extract(box).greyscale().raw().toBuffer();
    };
    const diff = (a: Buffer, b: Buffer) => a.reduce((s, v, i) => s + Math.abs(v - (b[i] ?? 0)), 0) / a.length;
    const o = join(orig, 'video.mp4');
    expect(diff(await frame(f, 0.5), await frame(o, 0.5))).toBeGreaterThan(20);
    expect(diff(await frame(f, 3.0), await frame(o, 3.0))).toBeLessThan(8);
  });

  it('without ffmpeg on PATH a video explicit label is exit 3 with an install hint', () => {
    const f = copy('video.mov');
    const r = runCli(['label', 'add', f, '--producer', '001191110102MAD55U9H0F10002', '--explicit'], {
      env: { PATH: '/nonexistent' },
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('ffmpeg');
  });
});
