/**
 * Where a `beian pii` thread's warm-up goes: V8's optimising compiler (TurboFan) runs on background
 * threads, once per isolate, so every worker thread pays it again; and each deoptimisation throws
 * a function's optimised code away and compiles it again. This runs the built command on one
 * thread over the news-style corpus of throughput.ts with V8's tracing on and prints
 *   - the CPU seconds of the command's thread and of the other threads (compiler, GC; Linux only),
 *   - the compiles, and the share of compile time spent recompiling after a deoptimisation,
 *   - the functions recompiled most, and every deoptimisation site (TypeScript file:line, reason).
 *   npm run build && npx tsx bench/pii/jit.ts [megabytes=12]     (REDACT=1: with --redact, the re-scan too)
 * The compile times V8 prints are wall time on its background threads: on a loaded machine read
 * them as shares, not seconds.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNewsCorpus } from './news-corpus.js';

const mb = Number(process.argv[2] ?? 12);
const dir = join(tmpdir(), `beian-pii-jit-${process.pid}`);
mkdirSync(dir, { recursive: true });
const file = join(dir, 'news.jsonl');
const bytes = writeNewsCorpus(file, mb);
const bin = fileURLToPath(new URL('../../bin/beian.js', import.meta.url));

/** CPU seconds per OS thread of a process, sampled until it ends (a thread's last figure kept). */
function sampleThreads(pid: number): { stop: () => Map<string, number> } {
  const last = new Map<string, number>();
  const poll = () => {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    for (const tid of tids)
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        last.set(tid, (Number(f[11]) + Number(f[12])) / 100);
      } catch {
        // ended between the listing and the read
      }
  };
  const timer = setInterval(poll, 10);
  return {
    stop: () => {
      clearInterval(timer);
      return last;
    },
  };
}

const child = spawn(
  process.execPath,
  [
    ...['--trace-opt', '--trace-deopt-verbose', bin, 'pii', file, '--jobs', '1', '--no-save', '--json'],
    ...(process.env.REDACT === '1' ? ['--redact', '--out', join(dir, 'out')] : []),
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const threads = sampleThreads(child.pid as number);
let trace = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', (s: string) => {
  trace += s;
});
await new Promise<void>((ok) => child.on('close', () => ok()));
const perThread = threads.stop();
rmSync(dir, { recursive: true, force: true });

const main = perThread.get(String(child.pid)) ?? 0;
let others = 0;
for (const [tid, s] of perThread) if (tid !== String(child.pid)) others += s;
console.log(
  `corpus: ${(bytes / 1e6).toFixed(1)} MB; beian pii --jobs 1 with V8 tracing (slower than without)`,
);
if (perThread.size > 0)
  console.log(
    `CPU-s: ${main.toFixed(2)} the command's thread, ${others.toFixed(2)} the other threads (TurboFan's compiles, GC)`,
  );

// the compiles: per function (its SharedFunctionInfo), how many and how long
const compiles = new Map<string, { name: string; n: number; first: number; again: number }>();
const COMPILED =
  /completed compiling 0x[0-9a-f]+ <JSFunction ([^ >]*) ?\(sfi = (0x[0-9a-f]+)\)> \(target TURBOFAN\) - took [0-9.]+, ([0-9.]+),/;
for (const line of trace.split('\n')) {
  const m = COMPILED.exec(line);
  if (!m) continue;
  const [, name = '', sfi = '', ms = '0'] = m;
  const c = compiles.get(sfi) ?? { name: name || '(anonymous)', n: 0, first: 0, again: 0 };
  if (c.n === 0) c.first = Number(ms);
  else c.again += Number(ms);
  c.n++;
  compiles.set(sfi, c);
}
const all = [...compiles.values()];
const sum = (f: (c: (typeof all)[number]) => number) => all.reduce((a, c) => a + f(c), 0);
const total = sum((c) => c.first + c.again);
const again = sum((c) => c.again);
console.log(
  `TurboFan: ${sum((c) => c.n)} compiles of ${all.length} functions; ${(total / 1000).toFixed(2)} s of compile (wall), ${((100 * again) / Math.max(total, 1)).toFixed(0)}% of it recompiles after a deoptimisation`,
);
console.log('most recompiled (compiles, first compile ms, recompiles ms):');
for (const c of all.sort((a, b) => b.again - a.again).slice(0, 10))
  if (c.again > 0)
    console.log(
      `  ${c.name.padEnd(24)} ${c.n}  ${c.first.toFixed(0).padStart(5)}  ${c.again.toFixed(0).padStart(6)}`,
    );

// the deoptimisation sites, mapped back to the TypeScript through the build's source maps
const maps = new Map<string, SourceMap | undefined>();
const sourceOf = (url: string, line: number, col: number): string => {
  let map = maps.get(url);
  if (!maps.has(url)) {
    try {
      map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
    } catch {
      map = undefined;
    }
    maps.set(url, map);
  }
  const e = map?.findEntry(line - 1, col - 1) as
    | { originalSource?: string; originalLine?: number }
    | undefined;
  return e?.originalSource
    ? `${e.originalSource.replace(/^.*\/(src|bench)\//, '$1/')}:${(e.originalLine ?? 0) + 1}`
    : `${url.replace(/^.*\/dist\//, 'dist/')}:${line}`;
};
const sites = new Map<string, number>();
let reason = '';
for (const line of trace.split('\n')) {
  const b = /^\[bailout \(kind: [^,]*, reason: ([^)]*)\): begin/.exec(line);
  if (b) reason = b[1] ?? '';
  const at = /;;; deoptimize at <(file:[^:>]+):(\d+):(\d+)>/.exec(line);
  if (at && reason) {
    const k = `${sourceOf(at[1] ?? '', Number(at[2]), Number(at[3]))}  ${reason}`;
    sites.set(k, (sites.get(k) ?? 0) + 1);
    reason = '';
  }
}
console.log(`deoptimisations: ${[...sites.values()].reduce((a, b) => a + b, 0)} at ${sites.size} sites`);
for (const [k, n] of [...sites].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${n}× ${k}`);
// a read past a text's edge is the avoidable kind (detectors/code-at.ts); a branch first taken
// after optimisation ("insufficient type feedback") or a new object shape ("wrong map") less so
const outside = [...sites].filter(([k]) => k.endsWith('out of bounds')).reduce((a, [, n]) => a + n, 0);
console.log(
  `out-of-bounds deoptimisations: ${outside}${outside > 0 ? " (a read past a text's edge: codeAt in detectors/code-at.ts)" : ''}`,
);
