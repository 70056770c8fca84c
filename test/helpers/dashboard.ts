import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app.js';
import type { ServerDeps } from '../../src/server/deps.js';

export interface Dashboard {
  url: string;
  close: () => void;
}

/**
 * `beian serve` as the browser tests run it: local only, no tokens, zh, the clock fixed (the
 * given one, else 2026-11-25 10:00 Beijing), on a free loopback port.
 */
export function startDashboard(
  deps: Pick<ServerDeps, 'store' | 'kb'> & Partial<ServerDeps>,
): Promise<Dashboard> {
  const app = createApp({
    clock: () => new Date('2026-11-25T02:00:00Z'),
    lang: 'zh',
    auth: {},
    loopbackOnly: true,
    ...deps,
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}
