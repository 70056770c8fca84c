// The ceiling: a bare fetch loop with N workers, no storage, no judging, no retries.
//   node bench/redteam/plain-loop.mjs <baseUrl> <prompts.jsonl> <concurrency>
import { readFileSync } from 'node:fs';

const [url, file, conc] = process.argv.slice(2);
const prompts = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l).text);
let next = 0;
let ok = 0;
const t0 = performance.now();
async function worker() {
  for (;;) {
    const i = next++;
    if (i >= prompts.length) return;
    const res = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'mock', messages: [{ role: 'user', content: prompts[i] }] }),
    });
    const json = await res.json();
    if (typeof json.choices?.[0]?.message?.content === 'string') ok++;
  }
}
await Promise.all(Array.from({ length: Number(conc) }, worker));
process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, ok })}\n`);
