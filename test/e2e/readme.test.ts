import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { bareBeian, type ReadmeCommand, readmeBlocks } from '../helpers/readme-blocks.js';

/**
 * The README doctest: every ```sh block of README.md runs as written (conventions in
 * docs/readme-doctest.md). The setup blocks (the quick start) run once in a copy of the shipped
 * files; every other block then runs in a fresh copy of that folder, its commands in order.
 * `npx beian` resolves to this checkout's bin/beian.js (built dist/), never to the registry.
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = readmeBlocks(README);
/** What a fresh clone gives a user to run the README's commands on. */
const SHIPPED = ['examples', 'data', 'schema'];

let tmp = '';
let base = '';
let env: NodeJS.ProcessEnv = {};

function run(cmd: ReadmeCommand, cwd: string) {
  const r = spawnSync('bash', ['-c', cmd.run], {
    cwd,
    env,
    input: '',
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', signal: r.signal };
}

type Result = ReturnType<typeof run>;
const setupResults = new Map<number, Result>();

function check(cmd: ReadmeCommand, cwd: string): void {
  assertExit(cmd, run(cmd, cwd));
}

function assertExit(cmd: ReadmeCommand, r: Result): void {
  const tail = (s: string) => s.split('\n').slice(-25).join('\n');
  expect(
    r.code,
    `README.md:${cmd.line}: \`${cmd.text}\` exited ${r.code}${r.signal ? ` (${r.signal})` : ''}, expected ${cmd.expectedExit}` +
      `${cmd.expectedExit ? '' : ' (mark a documented non-zero exit with "# exits N")'}\n` +
      `--- stderr ---\n${tail(r.stderr)}\n--- stdout ---\n${tail(r.stdout)}`,
  ).toBe(cmd.expectedExit);
}

const title = (c: ReadmeCommand) => `README.md:${c.line} ${c.text}${c.skip ? ` — skipped: ${c.skip}` : ''}`;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'beian-readme-'));
  const bin = join(tmp, 'bin');
  mkdirSync(bin);
  // `npx beian` → this checkout; any other npx would reach the network, which the README must not need.
  const npx = join(bin, 'npx');
  writeFileSync(
    npx,
    `#!/bin/sh\nif [ "$1" = beian ]; then shift; exec "${process.execPath}" "${BIN}" "$@"; fi\n` +
      `echo "README doctest: only 'npx beian' runs here, not: npx $*" >&2; exit 127\n`,
  );
  chmodSync(npx, 0o755);
  env = {
    ...process.env,
    PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
    BEIAN_LANG: undefined,
    BEIAN_DB: undefined,
    BEIAN_DEBUG: undefined,
  };
  base = join(tmp, 'base');
  mkdirSync(base);
  for (const dir of SHIPPED) cpSync(join(ROOT, dir), join(base, dir), { recursive: true });
  for (const block of blocks.filter((b) => b.setup))
    for (const cmd of block.commands) if (!cmd.skip) setupResults.set(cmd.line, run(cmd, base));
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('README.md', () => {
  it('calls the CLI as `npx beian` (a new user has no `beian` on the PATH)', () => {
    const bare = blocks.flatMap((b) =>
      b.commands.filter((c) => bareBeian(c.text)).map((c) => `README.md:${c.line}: ${c.text}`),
    );
    expect(bare, `use \`npx beian\`:\n${bare.join('\n')}`).toEqual([]);
  });

  it('has setup blocks and runnable commands', () => {
    expect(blocks.some((b) => b.setup)).toBe(true);
    expect(blocks.flatMap((b) => b.commands).filter((c) => !c.skip).length).toBeGreaterThan(10);
  });

  for (const block of blocks) {
    const runnable = block.commands.filter((c) => !c.skip);
    describe(`block at README.md:${block.line}${block.setup ? ' (setup)' : ''}`, () => {
      let cwd = '';
      beforeAll(() => {
        if (block.setup || runnable.length === 0) return;
        cwd = join(tmp, `block-${block.line}`);
        cpSync(base, cwd, { recursive: true });
      });
      for (const cmd of block.commands) {
        if (cmd.skip) it.skip(title(cmd), () => {});
        // Setup commands already ran in beforeAll, before every other block.
        else if (block.setup) it(title(cmd), () => assertExit(cmd, setupResults.get(cmd.line)!));
        else it(title(cmd), () => check(cmd, cwd), 150_000);
      }
    });
  }
});
