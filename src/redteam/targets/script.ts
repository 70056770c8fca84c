import { spawn } from 'node:child_process';
import type { ScriptTargetConfig } from './config.js';
import { targetId } from './config.js';
import { type Target, TargetError, type TargetRequest } from './types.js';

/**
 * A local program as the model: it gets {"prompt","messages"} as one JSON document on stdin and
 * prints the answer on stdout. A non-zero exit is a (retryable) failure; stdout beyond the byte
 * limit is an error.
 */
export function createScriptTarget(c: ScriptTargetConfig): Target {
  return {
    id: targetId(c),
    identity: { type: 'script', model: c.model, params: { command: c.command, args: c.args, ...c.params } },
    send(req: TargetRequest) {
      return new Promise((resolve, reject) => {
        const child = spawn(c.command, c.args, {
          stdio: ['pipe', 'pipe', 'pipe'],
          ...(req.signal ? { signal: req.signal } : {}),
        });
        const out: Buffer[] = [];
        let size = 0;
        let err = '';
        child.stdout.on('data', (b: Buffer) => {
          size += b.length;
          if (size > c.maxResponseBytes) {
            child.kill();
            reject(new TargetError('too-large', `script output exceeds ${c.maxResponseBytes} bytes`));
          } else out.push(b);
        });
        child.stderr.on('data', (b: Buffer) => {
          if (err.length < 2000) err += b.toString('utf8');
        });
        child.on('error', (e) =>
          reject(
            (e as Error).name === 'AbortError'
              ? new TargetError('timeout', 'script timed out', { cause: e })
              : new TargetError('network', `cannot run ${c.command}: ${(e as Error).message}`, { cause: e }),
          ),
        );
        child.on('close', (code) => {
          if (code === 0) resolve({ text: Buffer.concat(out).toString('utf8').trim(), status: 0 });
          else
            reject(
              new TargetError('server', `script exited with ${code}: ${err.trim().slice(0, 200)}`, {
                status: code ?? -1,
              }),
            );
        });
        child.stdin.on('error', () => {});
        child.stdin.end(
          JSON.stringify({ prompt: req.messages.at(-1)?.content ?? '', messages: req.messages }),
        );
      });
    },
  };
}
