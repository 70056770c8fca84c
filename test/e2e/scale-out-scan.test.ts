import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { throwAwayRedis } from '../helpers/redis.js';
import { writeScaleCorpus } from '../helpers/scale-corpus.js';
import { scaleOut } from '../helpers/scale-out.js';
import { runCliAsync, startCli } from '../helpers/spawn.js';
import { freePort, until } from '../helpers/wait.js';

/**
 * Sharded scans across three `beian worker` processes (real Redis, real PostgreSQL, the built CLI):
 * the merged report is the local scan's, also when a worker is SIGKILLed mid-run, when the
 * submitter dies and a new one attaches, and when Redis restarts; a poisoned shard is reported.
 */
const fx = scaleOut('queue');
const { skip, prefix, cleanups, redis: REDIS } = fx;
const dir = mkdtempSync(join(tmpdir(), 'beian-scale-scan-'));
const corpus = join(dir, 'corpus');
let expected: Record<string, unknown>;
type Worker = ReturnType<typeof startCli>;
const workers: Worker[] = [];

const comparable = (json: string): Record<string, unknown> => {
  const { id: _id, seconds: _s, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return rest;
};
const startWorker = (queue: string, p = prefix, port?: number): Worker => {
  const w = startCli([
    'worker',
    '--queue',
    queue,
    '--db',
    fx.dbUrl,
    '--queue-prefix',
    p,
    '--lock-seconds',
    '3',
    ...(port ? ['--health-port', String(port)] : []),
  ]);
  cleanups.push(() => w.stop());
  return w;
};
const scanArgs = (queue: string, p = prefix) => [
  'scan',
  corpus,
  '--queue',
  queue,
  '--db',
  fx.dbUrl,
  '--queue-prefix',
  p,
  '--shard-bytes',
  '262144',
  '--json',
];

beforeAll(async () => {
  if (skip) return;
  writeScaleCorpus(corpus, { lines: 1500 });
  // the schema is migrated once here, not by three workers racing
  const [local] = await Promise.all([
    runCliAsync(['scan', corpus, '--json']),
    runCliAsync(['redteam', 'runs', '--db', fx.dbUrl, '--json']),
  ]);
  expect(local.code, local.stderr).toBe(1);
  expected = comparable(local.stdout);
  for (let i = 0; i < 3; i++)
    workers.push(startWorker(REDIS as string, prefix, i === 0 ? await freePort() : undefined));
  await until(() =>
    workers.every((w) => w.output().includes('worker ready') || w.output().includes('工作进程已就绪')),
  );
}, 120_000);

describe.skipIf(skip)('beian scan --queue across three workers', () => {
  it('merges the shards into exactly the local report', async () => {
    const r = await runCliAsync(scanArgs(REDIS as string));
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/scan-[0-9a-f-]+/);
    expect(comparable(r.stdout)).toEqual(expected);
    expect(expected.records).toBeGreaterThan(4000);
    expect((expected.malformed as unknown[]).length).toBeGreaterThan(10);
  }, 120_000);

  it('stays exact when a worker is SIGKILLed mid-shard (its shard goes to another worker)', async () => {
    const sub = runCliAsync(scanArgs(REDIS as string));
    const victim = workers[1] as Worker;
    // kill while the run is in flight
    await new Promise((r) => setTimeout(r, 1500));
    victim.child.kill('SIGKILL');
    workers.push(startWorker(REDIS as string));
    const r = await sub;
    expect(r.code, r.stderr).toBe(1);
    expect(comparable(r.stdout)).toEqual(expected);
  }, 120_000);

  it('writes --flagged and --sample-out exactly as a local scan does (merged in shard order)', async () => {
    const files = (tag: string) => [
      '--flagged',
      join(dir, `${tag}.flagged.jsonl`),
      '--sample-out',
      join(dir, `${tag}.sample.jsonl`),
    ];
    const [local, queued] = await Promise.all([
      runCliAsync(['scan', corpus, '--json', ...files('local')]),
      runCliAsync([...scanArgs(REDIS as string), ...files('queued')]),
    ]);
    expect(local.code, local.stderr).toBe(1);
    expect(queued.code, queued.stderr).toBe(1);
    const report = (j: string, tag: string) =>
      comparable(j.replaceAll(join(dir, `${tag}.`), join(dir, '<tag>.')));
    expect(report(queued.stdout, 'queued')).toEqual(report(local.stdout, 'local'));
    const flagged = readFileSync(join(dir, 'queued.flagged.jsonl'), 'utf8');
    expect(flagged).toBe(readFileSync(join(dir, 'local.flagged.jsonl'), 'utf8'));
    expect(flagged.split('\n').length).toBeGreaterThan(50);
    // the sample names its scan (the run id here, a random id locally); the items are the same
    const items = (tag: string) =>
      readFileSync(join(dir, `${tag}.sample.jsonl`), 'utf8')
        .trim()
        .split('\n')
        .map((l) => {
          const { scan: _scan, ...rest } = JSON.parse(l) as Record<string, unknown>;
          return rest;
        });
    expect(items('queued')).toEqual(items('local'));
    expect(items('local').length).toBeGreaterThan(0);
  }, 120_000);

  it('re-attaches after the submitter is killed', async () => {
    const first = startCli(scanArgs(REDIS as string));
    cleanups.push(() => first.stop());
    await until(() => /scan-[0-9a-f-]{36}/.test(first.output()));
    first.child.kill('SIGKILL');
    const run = (first.output().match(/scan-[0-9a-f-]{36}/) as RegExpMatchArray)[0];
    const r = await runCliAsync([
      'scan',
      '--attach',
      run,
      '--queue',
      REDIS as string,
      '--db',
      fx.dbUrl,
      '--queue-prefix',
      prefix,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(comparable(r.stdout)).toEqual(expected);
  }, 120_000);

  it('reports a poisoned shard with its file and line, exit 2, without retrying it forever', async () => {
    const p = `${prefix}-poison`;
    const bad = join(dir, 'poison');
    writeScaleCorpus(bad, { lines: 300, files: 1 });
    const sub = startCli([
      'scan',
      bad,
      '--queue',
      REDIS as string,
      '--db',
      fx.dbUrl,
      '--queue-prefix',
      p,
      '--json',
    ]);
    cleanups.push(() => sub.stop());
    await until(() => /scan-[0-9a-f-]{36}/.test(sub.output()));
    // the file changes after the run was planned: every worker refuses it as bad input
    truncateSync(join(bad, 'part-0.jsonl'), 100);
    startWorker(REDIS as string, p);
    const code = await new Promise<number | null>((r) => sub.child.on('exit', (c) => r(c)));
    expect(code, sub.output()).toBe(2);
    expect(sub.output()).toMatch(/part-0\.jsonl:1: .*(changed|改变)/);
  }, 120_000);

  it('completes when Redis restarts mid-run (workers reconnect, lost shards are re-enqueued)', async () => {
    // no persistence: the restarted Redis has lost every job and the run's record
    const redis = await throwAwayRedis();
    cleanups.push(async () => redis.stop());
    const url = redis.url;
    const p = `${prefix}-restart`;
    const pair = [startWorker(url, p), startWorker(url, p)];
    const sub = runCliAsync(scanArgs(url, p));
    // kill Redis only once both workers are connected and the submitter has queued its shards: a
    // process that starts slowly would otherwise meet a Redis that is down and exit 3 (a different
    // case; with no worker left the run never ends). The shards' job keys, not any key of the
    // prefix: an idle worker already writes `meta` and `stalled-check` there.
    await until(() => pair.every((w) => /worker ready|工作进程已就绪/i.test(w.output())), 90_000);
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await probe.connect();
    await until(async () => (await probe.keys(`${p}:beian:scan-*`)).length > 0, 90_000);
    probe.disconnect();
    await redis.restart();
    const r = await sub;
    expect(r.code, r.stderr).toBe(1);
    expect(comparable(r.stdout)).toEqual(expected);
  }, 180_000);
});

if (skip)
  describe('beian scan --queue', () => {
    it.skip('needs BEIAN_TEST_REDIS_URL and BEIAN_TEST_PG_URL (real Redis and PostgreSQL)', () => {});
  });

writeFileSync(join(dir, '.keep'), '');
