/**
 * Real media made by real encoders (sharp, ffmpeg, docx, exceljs, chromium) for the label tests and
 * the benchmark. Nothing here is hand-assembled bytes except the text formats.
 */
import { execFile } from 'node:child_process';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function makeImages(dir: string, prefix = 'img'): Promise<string[]> {
  const sharp = (await import('sharp')).default;
  const w = 64;
  const h = 48;
  const raw = Buffer.alloc(w * h * 3);
  for (let i = 0; i < w * h; i++) {
    raw[i * 3] = (i * 7) & 255;
    raw[i * 3 + 1] = (i * 3) & 255;
    raw[i * 3 + 2] = (i >> 4) & 255;
  }
  const img = () => sharp(raw, { raw: { width: w, height: h, channels: 3 } });
  const files: Array<[string, Promise<Buffer>]> = [
    [`${prefix}.png`, img().png().toBuffer()],
    [`${prefix}.jpg`, img().jpeg().toBuffer()],
    [`${prefix}.webp`, img().webp().toBuffer()],
    [`${prefix}-lossless.webp`, img().webp({ lossless: true }).toBuffer()],
    [`${prefix}.gif`, img().gif().toBuffer()],
    [`${prefix}.tif`, img().tiff().toBuffer()],
  ];
  const out: string[] = [];
  for (const [name, data] of files) {
    const p = join(dir, name);
    await writeFile(p, await data);
    out.push(p);
  }
  return out;
}

const FF = ['-hide_banner', '-loglevel', 'error', '-y'];

export async function makeAudio(dir: string, prefix = 'audio'): Promise<string[]> {
  const src = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=0.5:sample_rate=22050'];
  const jobs: Array<[string, string[]]> = [
    [`${prefix}.wav`, ['-c:a', 'pcm_s16le']],
    [`${prefix}.mp3`, ['-c:a', 'libmp3lame', '-b:a', '64k']],
    [`${prefix}.flac`, ['-c:a', 'flac']],
    [`${prefix}.ogg`, ['-c:a', 'libvorbis']],
    [`${prefix}.opus`, ['-c:a', 'libopus', '-ar', '48000']],
  ];
  const out: string[] = [];
  for (const [name, args] of jobs) {
    const p = join(dir, name);
    await run('ffmpeg', [...FF, ...src, ...args, p]);
    out.push(p);
  }
  return out;
}

export async function makeVideo(dir: string, prefix = 'video', seconds = 1): Promise<string[]> {
  const src = [
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=160x120:rate=10:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:duration=${seconds}`,
  ];
  const enc = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'];
  const out: string[] = [];
  for (const [name, extra] of [
    [`${prefix}.mp4`, []],
    [`${prefix}-faststart.mp4`, ['-movflags', '+faststart']],
    [`${prefix}.mov`, []],
  ] as Array<[string, string[]]>) {
    const p = join(dir, name);
    await run('ffmpeg', [...FF, ...src, ...enc, ...extra, p]);
    out.push(p);
  }
  return out;
}

export async function makeDocuments(dir: string, prefix = 'doc'): Promise<string[]> {
  const docx = await import('docx');
  const d = new docx.Document({ sections: [{ children: [new docx.Paragraph('本报告示例段落。')] }] });
  const docxPath = join(dir, `${prefix}.docx`);
  await writeFile(docxPath, await docx.Packer.toBuffer(d));
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('表1').addRow(['编号', '内容']);
  const xlsxPath = join(dir, `${prefix}.xlsx`);
  await wb.xlsx.writeFile(xlsxPath);
  const md = join(dir, `${prefix}.md`);
  await writeFile(md, '---\ntitle: 示例\n---\n# 标题\n\n正文。\n');
  const bare = join(dir, `${prefix}-bare.md`);
  await writeFile(bare, '# 无前言\n\n正文。\n');
  const txt = join(dir, `${prefix}.txt`);
  await writeFile(txt, '这是一段示例文字。\n');
  const json = join(dir, `${prefix}.json`);
  await writeFile(json, '{"answer":"示例"}\n');
  return [docxPath, xlsxPath, md, bare, txt, json];
}

/** A PDF printed by headless Chromium (Skia's PDF writer). */
export async function makePdf(dir: string, name = 'doc.pdf'): Promise<string> {
  const html = join(dir, `${name}.html`);
  await writeFile(html, '<html><body><h1>Report</h1><p>Sample page.</p></body></html>');
  const out = join(dir, name);
  await run('chromium', [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-pdf-header-footer',
    `--print-to-pdf=${out}`,
    `file://${html}`,
  ]);
  await unlink(html);
  return out;
}
