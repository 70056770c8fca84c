import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tangPoems } from './poems.js';

/**
 * A generated corpus in the real shape (JSONL with sources, a txt file, a broken line now and
 * then, a few flagged records) from chinese-poetry: scale-out tests compare a queued scan with a
 * local one on it.
 */
export function writeScaleCorpus(dir: string, opts: { lines: number; files?: number }): string {
  mkdirSync(dir, { recursive: true });
  const poems = tangPoems();
  const flagged = ['这里有免费色情网站和裸聊', '出售身份证，办理假证，联系我'];
  const files = opts.files ?? 3;
  for (let f = 0; f < files; f++) {
    const rows: string[] = [];
    for (let i = 0; i < opts.lines; i++) {
      const k = f * opts.lines + i;
      if (k % 97 === 13) rows.push('{"text": "broken');
      else if (k % 41 === 7)
        rows.push(
          JSON.stringify({ text: `${poems[k % poems.length]}${flagged[k % 2]}`, source: `s${k % 3}` }),
        );
      else rows.push(JSON.stringify({ text: poems[k % poems.length], source: `s${k % 3}` }));
    }
    writeFileSync(join(dir, `part-${f}.jsonl`), `${rows.join('\n')}\n`);
  }
  writeFileSync(join(dir, 'notes.txt'), `${poems.slice(0, 200).join('\n')}\n${flagged[0]}\n`);
  return dir;
}
