import { type ChildProcess, spawn } from 'node:child_process';
import { BIN, type CliResult } from './cli.js';

/**
 * Runs the built CLI without blocking this process's event loop (runCli's spawnSync would freeze
 * a mock model served from the test itself).
 */
export function runCliAsync(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  cwd?: string,
): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    ...(cwd ? { cwd } : {}),
    env: { ...process.env, BEIAN_LANG: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString('utf8');
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString('utf8');
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

/** A long-running CLI process (a worker): its output is kept for the failure message. */
export function startCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  script = BIN,
  cwd?: string,
): { child: ChildProcess; output: () => string; stop: () => Promise<void> } {
  const child = spawn(process.execPath, [script, ...args], {
    ...(cwd ? { cwd } : {}),
    env: { ...process.env, BEIAN_LANG: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return {
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
