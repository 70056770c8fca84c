import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { dropKeys } from './redis.js';
import { throwAwaySchema } from './store-drivers.js';

/**
 * What every scale-out test file shares: the real Redis and PostgreSQL named by the environment
 * (`skip` without both), a queue-key prefix and a PostgreSQL schema of the file's own, and the
 * clean-ups run once the file's tests are done (later ones first; the schema and the prefix's keys
 * last). Call it at the top level, before the file's own `beforeAll`, which then finds `dbUrl` set.
 */
export interface ScaleOut {
  readonly skip: boolean;
  readonly redis: string;
  readonly prefix: string;
  readonly dbUrl: string;
  readonly cleanups: Array<() => Promise<void>>;
}

export function scaleOut(name: string): ScaleOut {
  const redis = process.env.BEIAN_TEST_REDIS_URL ?? '';
  const pg = process.env.BEIAN_TEST_PG_URL ?? '';
  const cleanups: Array<() => Promise<void>> = [];
  let dbUrl = '';
  const fixture: ScaleOut = {
    skip: !redis || !pg,
    redis,
    prefix: `beian-${name}-${randomBytes(4).toString('hex')}`,
    get dbUrl() {
      return dbUrl;
    },
    cleanups,
  };
  beforeAll(async () => {
    if (fixture.skip) return;
    const schema = await throwAwaySchema(pg, name.replace(/\W/g, '_'));
    dbUrl = schema.url;
    cleanups.push(async () => {
      await schema.drop();
      await dropKeys(redis, `${fixture.prefix}*`);
    });
  });
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  });
  return fixture;
}
