import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';

/**
 * docker-compose.yml and the Dockerfile as shipped (no Docker here): the YAML parses, names the
 * services docs/scale-out.md describes, and every beian command and flag in it exists in this CLI.
 */
const root = new URL('../../', import.meta.url);
const compose = parse(readFileSync(fileURLToPath(new URL('docker-compose.yml', root)), 'utf8')) as {
  services: Record<
    string,
    {
      command?: string[];
      image?: string;
      build?: string;
      deploy?: { replicas?: number };
      healthcheck?: { test?: string[] };
    }
  >;
};

/** The flags `beian <command…> --help` lists. */
function helpFlags(command: string[]): Set<string> {
  const r = runCli([...command, '--help'], { env: { BEIAN_LANG: 'en' } });
  expect(r.code, r.stderr).toBe(0);
  return new Set(r.stdout.match(/--[a-z][a-z-]*/g) ?? []);
}

describe('docker-compose.yml', () => {
  it('has Redis, PostgreSQL, scalable workers and the dashboard', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['dashboard', 'postgres', 'redis', 'worker']);
    expect(compose.services.worker?.deploy?.replicas).toBeGreaterThanOrEqual(1);
    expect(compose.services.redis?.command).toContain('noeviction');
  });

  it("probes each worker's health endpoint, which listens beyond the container's loopback", () => {
    const w = compose.services.worker;
    const cmd = w?.command ?? [];
    const port = cmd[cmd.indexOf('--health-port') + 1];
    expect(port).toMatch(/^\d+$/);
    expect(cmd[cmd.indexOf('--health-host') + 1]).toBe('0.0.0.0');
    expect(w?.healthcheck?.test?.join(' ')).toContain(`:${port}/`);
  });

  it('runs only real beian commands with real flags', () => {
    const globals = helpFlags([]);
    for (const name of ['worker', 'dashboard']) {
      const cmd = compose.services[name]?.command ?? [];
      const words = cmd.filter((w) => !w.startsWith('-') && !/[:/]/.test(w) && !/^\d+$/.test(w));
      const sub = words.slice(0, 1);
      expect(sub.length, name).toBe(1);
      const flags = helpFlags(sub);
      for (const f of cmd.filter((w) => w.startsWith('--')))
        expect(flags.has(f) || globals.has(f), `${name}: ${sub.join(' ')} ${f}`).toBe(true);
    }
  });

  it('builds from node:20-bookworm-slim and installs nothing at run time', () => {
    const docker = readFileSync(fileURLToPath(new URL('Dockerfile', root)), 'utf8');
    const froms = docker.match(/^FROM .*/gm) ?? [];
    expect(froms.every((f) => f.includes('node:20-bookworm-slim'))).toBe(true);
    const entry = docker.slice(docker.lastIndexOf('FROM '));
    expect(entry).not.toMatch(/npm (ci|install)/);
    expect(entry).toMatch(/ENTRYPOINT \["node", "\/app\/bin\/beian\.js"\]/);
  });
});
