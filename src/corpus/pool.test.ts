import { rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scratchDir } from '../../test/helpers/scratch.js';
import { createPool, mapOrdered } from './pool.js';

const worker = new URL('../../test/fixtures/corpus/count-worker.ts', import.meta.url);

describe('worker pool', () => {
  it('runs tasks on threads, transfers buffers, and keeps input order', async () => {
    const pool = createPool<{ bytes: Uint8Array }, { n: number; factor: number }>(worker, {
      size: 2,
      workerData: { factor: 7 },
    });
    try {
      const inputs = Array.from({ length: 20 }, (_, i) => ({ bytes: new Uint8Array((i * 37) % 11) }));
      const sizes = inputs.map((x) => x.bytes.length);
      const out: number[] = [];
      for await (const r of mapOrdered(pool, inputs, {
        maxInFlight: 3,
        transfer: (x) => [x.bytes.buffer as ArrayBuffer],
      })) {
        expect(r.factor).toBe(7);
        out.push(r.n);
      }
      expect(out).toEqual(sizes);
    } finally {
      await pool.close();
    }
  });

  it('rejects a task whose handler throws, and keeps serving', async () => {
    const pool = createPool<{ bytes: Uint8Array; fail?: boolean }, { n: number }>(worker, {
      size: 1,
      workerData: { factor: 1 },
    });
    try {
      await expect(pool.run({ bytes: new Uint8Array(1), fail: true })).rejects.toThrow('asked to fail');
      expect((await pool.run({ bytes: new Uint8Array(3) })).n).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('starts threads before their data: tasks queued meanwhile run with it once it comes', async () => {
    let give: (d: { factor: number }) => void = () => {};
    const data = new Promise<{ factor: number }>((resolve) => {
      give = resolve;
    });
    const pool = createPool<{ bytes: Uint8Array }, { n: number; factor: number }>(worker, {
      size: 2,
      workerData: data,
    });
    try {
      const early = [pool.run({ bytes: new Uint8Array(4) }), pool.run({ bytes: new Uint8Array(5) })];
      await new Promise((r) => setTimeout(r, 50));
      give({ factor: 3 });
      expect(await Promise.all(early)).toEqual([
        { n: 4, factor: 3 },
        { n: 5, factor: 3 },
      ]);
      expect(await pool.run({ bytes: new Uint8Array(6) })).toEqual({ n: 6, factor: 3 });
    } finally {
      await pool.close();
    }
  });

  it('fails every task when the data never comes (its promise rejects), and still closes', async () => {
    let fail: (e: Error) => void = () => {};
    const data = new Promise<{ factor: number }>((_, reject) => {
      fail = reject;
    });
    const pool = createPool<{ bytes: Uint8Array }, { n: number }>(worker, { size: 1, workerData: data });
    const queued = pool.run({ bytes: new Uint8Array(2) });
    fail(new Error('library did not load'));
    await expect(queued).rejects.toThrow('library did not load');
    await expect(pool.run({ bytes: new Uint8Array(2) })).rejects.toThrow('library did not load');
    await pool.close();
  });

  it("hands a deferred pool's warm hint to each thread while it waits", async () => {
    let give: (d: { factor: number }) => void = () => {};
    const data = new Promise<{ factor: number }>((resolve) => {
      give = resolve;
    });
    const pool = createPool<{ bytes: Uint8Array }, { n: number; factor: number; warmed?: unknown }>(worker, {
      size: 1,
      workerData: data,
      warm: 'segmenter',
    });
    try {
      const r = pool.run({ bytes: new Uint8Array(1) });
      give({ factor: 2 });
      expect(await r).toEqual({ n: 1, factor: 2, warmed: 'segmenter' });
    } finally {
      await pool.close();
    }
  });

  it('with `inline`, takes tasks on the calling thread too, as one of its size, in input order', async () => {
    const pool = createPool<
      { bytes: Uint8Array; fail?: boolean },
      { n: number; factor: number; here?: boolean },
      { factor: number }
    >(worker, {
      size: 2,
      workerData: Promise.resolve({ factor: 5 }),
      inline: (data) => (input) => {
        if (input.fail) throw new Error('asked to fail here');
        return { n: input.bytes.length, factor: data.factor, here: true };
      },
    });
    try {
      expect(pool.size).toBe(2);
      const inputs = Array.from({ length: 40 }, (_, i) => ({ bytes: new Uint8Array((i * 13) % 17) }));
      const out: Array<{ n: number; factor: number; here?: boolean }> = [];
      for await (const r of mapOrdered(pool, inputs, { maxInFlight: 4 })) out.push(r);
      expect(out.map((r) => r.n)).toEqual(inputs.map((x) => x.bytes.length));
      expect(out.every((r) => r.factor === 5)).toBe(true);
      // both the thread and the calling thread took some
      expect(out.some((r) => r.here)).toBe(true);
      expect(out.some((r) => !r.here)).toBe(true);
      const failing = Array.from({ length: 6 }, () => pool.run({ bytes: new Uint8Array(1), fail: true }));
      const settled = await Promise.allSettled(failing);
      expect(settled.every((r) => r.status === 'rejected')).toBe(true);
      expect((await pool.run({ bytes: new Uint8Array(3) })).n).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('starts a built worker from its CommonJS bundle while the bundle is as new as every module it holds', async () => {
    const { dir, put } = scratchDir('beian-pool-bundle-');
    // the pool's protocol by hand: each thread answers which file it was started from
    const answer = (from: string): string =>
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', (m) => { if ('id' in m) parentPort.postMessage({ id: m.id, ok: true, value: '${from}' }); });`;
    try {
      put('dep.js', 'export const x = 1;\n');
      put(
        'w.js',
        `import { createRequire } from 'node:module';\n${answer('module').replace("require('node:worker_threads')", "createRequire(import.meta.url)('node:worker_threads')")}`,
      );
      put('package.json', '{"type":"module"}\n');
      put('w.cjs', answer('bundle'));
      put('w.cjs.inputs.json', '["dep.js","w.js"]\n');
      const old = new Date(Date.now() - 60_000);
      for (const f of ['dep.js', 'w.js']) utimesSync(join(dir, f), old, old);
      const from = async (): Promise<string> => {
        const pool = createPool<number, string>(pathToFileURL(join(dir, 'w.js')), { size: 1 });
        try {
          return await pool.run(0);
        } finally {
          await pool.close();
        }
      };
      expect(await from()).toBe('bundle');
      // a module rebuilt after the bundle (tsc alone): the bundle is stale, the module is started
      utimesSync(join(dir, 'dep.js'), new Date(), new Date(Date.now() + 60_000));
      expect(await from()).toBe('module');
      // no list of what it holds: not trusted either
      rmSync(join(dir, 'w.cjs.inputs.json'));
      utimesSync(join(dir, 'dep.js'), old, old);
      expect(await from()).toBe('module');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
