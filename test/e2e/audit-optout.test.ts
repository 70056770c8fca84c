import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakerZH_CN as faker } from '@faker-js/faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult } from '../helpers/cli.js';

/** The CLI must run asynchronously here: the recommenders live in this process. */
function runCliAsync(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, BEIAN_LANG: undefined, REC_TOKEN: 's3cret-token' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const CATALOGUE = Array.from({ length: 40 }, (_, i) => `video-${i + 1}`);
const POPULAR = CATALOGUE.slice(0, 20);

interface Body {
  profile?: { interests?: string[] };
  personalized?: boolean;
}

/** A small recommender: honest ignores the profile when personalisation is off; leaky does not. */
function recommender(leaky: boolean, seen: string[]): Server {
  return createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      seen.push(String(req.headers.authorization ?? ''));
      const body = JSON.parse(raw) as Body;
      let items = POPULAR;
      if (body.personalized !== false || leaky) {
        // personalised: the profile's interests first (each interest maps to some catalogue items)
        const boosted = (body.profile?.interests ?? []).flatMap((t) => {
          const h = [...t].reduce((a, ch) => a + ch.charCodeAt(0), 0);
          return [CATALOGUE[h % 40]!, CATALOGUE[(h * 7) % 40]!];
        });
        items = [...new Set([...boosted, ...POPULAR])].slice(0, 20);
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { items: items.map((id) => ({ id, score: 1 })) } }));
    });
  });
}

const listen = (s: Server) =>
  new Promise<string>((resolve) =>
    s.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}/recommend`),
    ),
  );

describe('beian audit optout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-optout-'));
  const profiles = join(dir, 'profiles.jsonl');
  const template = join(dir, 'template.json');
  const honestSeen: string[] = [];
  const honest = recommender(false, honestSeen);
  const leaky = recommender(true, []);
  let honestUrl = '';
  let leakyUrl = '';

  beforeAll(async () => {
    faker.seed(5);
    const tags = ['美食', '旅行', '健身', '游戏', '育儿', '汽车', '理财', '音乐', '摄影', '宠物'];
    const lines = Array.from({ length: 30 }, () =>
      JSON.stringify({
        userId: faker.string.uuid(),
        city: faker.location.city(),
        age: faker.number.int({ min: 18, max: 70 }),
        interests: faker.helpers.arrayElements(tags, 3),
      }),
    );
    writeFileSync(profiles, `${lines.join('\n')}\n`);
    writeFileSync(
      template,
      JSON.stringify({
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer {{env.REC_TOKEN}}' },
        body: { user: '{{profile.userId}}', profile: '{{profile}}', personalized: false },
      }),
    );
    honestUrl = await listen(honest);
    leakyUrl = await listen(leaky);
  });
  afterAll(() => {
    honest.close();
    leaky.close();
  });

  const args = (url: string) => [
    'audit',
    'optout',
    '--endpoint',
    `${url}?key=abc`,
    '--profiles',
    profiles,
    '--request-template',
    template,
    '--items-path',
    'data.items',
    '--no-save',
  ];

  it('passes an honest recommender, sending the token from the environment but never printing it', async () => {
    const r = await runCliAsync([...args(honestUrl), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.stdout) as {
      passed: boolean;
      profiles: number;
      pairs: number;
      jaccard: { min: number };
      endpoint: string;
    };
    expect(rep).toMatchObject({ passed: true, profiles: 30, pairs: 435, jaccard: { min: 1 } });
    expect(rep.endpoint).not.toContain('key=abc');
    expect(honestSeen.every((h) => h === 'Bearer s3cret-token')).toBe(true);
    expect(r.stdout).not.toContain('s3cret');
  });

  it('catches a recommender that leaks the profile with personalisation off (exit 1)', async () => {
    const r = await runCliAsync(['--lang', 'en', ...args(leakyUrl)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('results change with the profile');
    expect(r.stdout).toMatch(/profiles\.jsonl:\d+ ↔ .*profiles\.jsonl:\d+/);
  });

  it('exits 3 when the endpoint is down', async () => {
    const r = await runCliAsync([
      'audit',
      'optout',
      '--endpoint',
      'http://127.0.0.1:9/x',
      '--profiles',
      profiles,
      '--timeout',
      '2000',
      '--no-save',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('TARGET_FAILED');
  });
});
