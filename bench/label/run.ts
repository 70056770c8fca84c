/**
 * `beian label check` over a folder of N mixed small files (default 10,000: images, audio, video,
 * PDF, Office, Markdown and text, all made by real encoders and labelled by beian), against
 * `exiftool -json -AIGC` on the same folder (with the TC260/PDF/Keys/RIFF tag config so it reads
 * every placement). Both run as CLI processes, in the same run; prints files/s, peak RSS and the
 * ratio ours/peer. Also checks one large video to show memory stays flat with file size.
 *
 *   npm run build && npx tsx bench/label/run.ts            # 10,000 files in /tmp
 *   npx tsx bench/label/run.ts 2000
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultExplicitOptions } from '../../src/app/label/explicit.js';
import { writeImplicit } from '../../src/app/label/implicit.js';
import { loadLabellingKb } from '../../src/app/label/kb.js';
import { addFiles } from '../../src/app/label/run.js';
import { buildValue } from '../../src/label/judge.js';
import { makeAudio, makeDocuments, makeImages, makePdf, makeVideo } from '../../test/label/media.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const N = Number(process.argv[2] ?? 10_000);
const CONFIG = join(root, 'test/label/exiftool-aigc.config');
const bin = join(root, 'bin/beian.js');
if (!existsSync(join(root, 'dist/cli/index.js'))) throw new Error('run `npm run build` first');

const work = mkdtempSync(join(tmpdir(), 'beian-bench-label-'));
const seeds = join(work, 'seeds');
const folder = join(work, 'files');
mkdirSync(seeds);
mkdirSync(folder);
const made = [
  ...(await makeImages(seeds)),
  ...(await makeAudio(seeds)),
  ...(await makeVideo(seeds)),
  ...(await makeDocuments(seeds)),
  await makePdf(seeds),
];
const kb = loadLabellingKb();
for await (const r of addFiles(made, {
  producer: '001191110102MAD55U9H0F10002',
  implicit: true,
  explicit: true,
  explicitOptions: defaultExplicitOptions(kb),
}))
  if (!r.ok) throw new Error(`seed ${r.file} failed: ${r.error}`);
const labelled = readdirSync(seeds).filter((n) => !n.endsWith('.html') && !n.endsWith('.aigc.json'));
// Spread over 100 sub-folders, as a real output tree would be.
for (let i = 0; i < N; i++) {
  const name = labelled[i % labelled.length] as string;
  const sub = join(folder, `d${i % 100}`);
  if (i < 100) mkdirSync(sub);
  copyFileSync(join(seeds, name), join(sub, `${i}-${name}`));
  // Text formats carry their label in a sidecar, which travels with the file.
  if (existsSync(join(seeds, `${name}.aigc.json`)))
    copyFileSync(join(seeds, `${name}.aigc.json`), join(sub, `${i}-${name}.aigc.json`));
}

function timed(
  cmd: string,
  args: string[],
): { seconds: number; rssMB: number; status: number | null; out: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rssKB = Number(r.stderr.trim().split('\n').pop());
  return { seconds, rssMB: rssKB / 1024, status: r.status, out: r.stdout };
}

const files = Number(
  execFileSync('sh', ['-c', `find ${folder} -type f ! -name '*.aigc.json' | wc -l`], { encoding: 'utf8' }),
);
const ours = timed(process.execPath, [
  bin,
  'label',
  'check',
  folder,
  '--json',
  '--db',
  join(work, 'bench.db'),
]);
const summary = JSON.parse(ours.out).summary as { total: number; passed: number; failed: number };
const peer = timed('exiftool', ['-config', CONFIG, '-json', '-AIGC', '-r', '-q', '-q', folder]);
const peerFound = (JSON.parse(peer.out) as Array<Record<string, unknown>>).filter((r) => r.AIGC).length;

const rate = (s: number) => files / s;
console.log(`label check over ${files} files (${labelled.length} kinds, real encoders), one run:`);
console.log(
  `  beian label check --json  ${ours.seconds.toFixed(2)} s  ${rate(ours.seconds).toFixed(0)} files/s  peak RSS ${ours.rssMB.toFixed(0)} MB  (passed ${summary.passed}/${summary.total}, exit ${ours.status})`,
);
console.log(
  `  exiftool -json -AIGC -r   ${peer.seconds.toFixed(2)} s  ${rate(peer.seconds).toFixed(0)} files/s  peak RSS ${peer.rssMB.toFixed(0)} MB  (AIGC found in ${peerFound})`,
);
console.log(`  ratio ours/peer (files/s): ${(peer.seconds / ours.seconds).toFixed(2)}×`);

// Flat memory: one 60 s video (a few MB of mdat) costs no more than a small one.
const big = join(work, 'big');
mkdirSync(big);
const [video] = await makeVideo(big, 'long', 60);
await writeImplicit(
  video as string,
  (digest) =>
    buildValue({ producer: '001191110102MAD55U9H0F10002', produceId: 'big', ...(digest ? { digest } : {}) })
      .value,
);
const one = timed(process.execPath, [bin, 'label', 'check', video as string, '--json', '--no-save']);
console.log(
  `  one 60 s video: peak RSS ${one.rssMB.toFixed(0)} MB (folder run: ${ours.rssMB.toFixed(0)} MB)`,
);
rmSync(work, { recursive: true, force: true });
