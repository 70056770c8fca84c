/**
 * Overview render time of the dashboard for a portfolio of 1,000 services and 5,000 filings.
 * Run: npx tsx bench/server/run.ts [--pg postgres://...] [--runs 30]
 * Measures the server time (wall clock, and the process's CPU time, which shared cores inflate less) of GET / in-process (app.request: routing, queries, deadline computation
 * in Chinese working days, HTML rendering), without network, after 3 warm-up requests.
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fakerZH_CN as faker } from '@faker-js/faker';
import { filingId, type Inventory } from '../../src/filings/inventory.js';
import { FILING_STATES } from '../../src/filings/lifecycle.js';
import { loadKb } from '../../src/kb/index.js';
import { createApp } from '../../src/server/app.js';
import { syncInventory } from '../../src/store/filings/index.js';
import { openStore } from '../../src/store/index.js';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SERVICES = 1000;
const FILINGS_PER_SERVICE = 5;
const RUNS = Number(arg('--runs') ?? 30);

faker.seed(6);
const kb = loadKb();
const kinds = kb.filingKinds.map((k) => k.id);
const inv: Inventory = { organisation: faker.company.name(), services: [], subjects: [], filings: [] };
for (let i = 0; i < SERVICES; i++) {
  const id = `svc-${i}`;
  const launch = faker.date.between({ from: '2025-01-01', to: '2026-12-31' }).toISOString().slice(0, 10);
  inv.services.push({
    id,
    name: `${faker.company.name()}${faker.commerce.productName()}`,
    owner: faker.person.fullName(),
    description: faker.lorem.sentence(),
    launchDate: launch,
    answersJson: JSON.stringify({ launchDate: launch }),
  });
  for (let j = 0; j < FILINGS_PER_SERVICE; j++) {
    const subject = `algo-${j}`;
    inv.subjects.push({
      serviceId: id,
      type: 'algorithm',
      id: subject,
      name: faker.commerce.productName(),
      detailsJson: '{}',
    });
    const kind = kinds[j % kinds.length]!;
    inv.filings.push({
      id: filingId(id, subject, kind),
      serviceId: id,
      subjectType: 'algorithm',
      subjectId: subject,
      kind,
      basis: 'required',
      filingNumber: null,
    });
  }
}

async function bench(label: string, url: string) {
  const store = await openStore(url);
  const t0 = performance.now();
  await syncInventory(store.db, inv, { actor: 'bench', now: new Date().toISOString(), source: 'bench' });
  // Spread the filings over every state so the page renders every chip and deadline kind.
  const ids = inv.filings.map((f) => f.id);
  await store.db.transaction().execute(async (trx) => {
    for (const [n, state] of FILING_STATES.entries()) {
      const chunk = ids.filter((_, i) => i % FILING_STATES.length === n);
      for (let k = 0; k < chunk.length; k += 500)
        await trx
          .updateTable('registry_filings')
          .set({ state })
          .where('id', 'in', chunk.slice(k, k + 500))
          .execute();
    }
  });
  const setup = performance.now() - t0;
  const app = createApp({
    store,
    kb,
    clock: () => new Date('2026-11-25T02:00:00Z'),
    lang: 'zh',
    auth: {},
    loopbackOnly: true,
  });
  const get = () => app.request('http://127.0.0.1/', { headers: { host: '127.0.0.1' } });
  let bytes = 0;
  for (let i = 0; i < 3; i++) bytes = (await (await get()).text()).length;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const c0 = process.cpuUsage();
    const res = await get();
    await res.text();
    const c1 = process.cpuUsage(c0);
    times.push(performance.now() - s);
    cpu.push((c1.user + c1.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  console.log(
    `${label.padEnd(10)} services=${SERVICES} filings=${inv.filings.length} html=${(bytes / 1024).toFixed(0)} KiB  ` +
      `min=${times[0]!.toFixed(1)} ms  median=${q(0.5).toFixed(1)} ms  p90=${q(0.9).toFixed(1)} ms  max=${times.at(-1)!.toFixed(1)} ms  ` +
      `cpu median=${cpu[Math.floor(cpu.length / 2)]!.toFixed(1)} ms  ` +
      `target 200 ms (wall median): ${q(0.5) < 200 ? 'met' : 'MISSED'} (median/target = ${(q(0.5) / 200).toFixed(2)})  setup=${(setup / 1000).toFixed(1)} s`,
  );
  await store.close();
}

console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on this machine (shared cores inflate every figure)`,
);
await bench('sqlite', join(mkdtempSync(join(tmpdir(), 'beian-bench-')), 'beian.db'));
const pg = arg('--pg') ?? process.env.BEIAN_BENCH_PG_URL;
if (pg) await bench('postgres', pg);
