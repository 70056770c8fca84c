import { existsSync, mkdtempSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from './open.js';
import { insertAssessments, latestAssessments } from './repos/assessments.js';

describe('sqlite store', () => {
  it('migrates a new file, persists across reopen, and returns the newest assessment per service', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'beian-store-')), 'nested', 'beian.db');
    const store = await openStore(file);
    const row = (id: string, serviceId: string, createdAt: string) => ({
      id,
      createdAt,
      source: 'test',
      serviceId,
      serviceName: serviceId,
      rulesetVersion: 'v',
      resultJson: '{}',
    });
    await insertAssessments(store.db, [
      row('1', 'a', '2026-01-01T00:00:00Z'),
      row('2', 'a', '2026-02-01T00:00:00Z'),
      row('3', 'b', '2026-01-15T00:00:00Z'),
    ]);
    await store.close();
    const again = await openStore(file);
    const latest = await latestAssessments(again.db);
    expect(latest.map((r) => r.id).sort()).toEqual(['2', '3']);
    await again.close();
  });

  it('reopens a current file without the migration lock, and migrates one that is not', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'beian-store-')), 'beian.db');
    await (await openStore(file)).close();
    // a lock held by someone else would make the migrator wait a minute: a current file needs none
    writeFileSync(`${file}.migrate-lock`, '');
    const again = await openStore(file);
    expect(existsSync(`${file}.migrate-lock`)).toBe(true);
    // a migration this build does not know (a newer build's) goes to the migrator, which refuses
    await sql`insert into beian_migrations (name, timestamp) values ('9999-later', 'x')`.execute(again.db);
    await again.close();
    unlinkSync(`${file}.migrate-lock`);
    await expect(openStore(file)).rejects.toMatchObject({ code: 'ENVIRONMENT' });
  });

  it('refuses an unusable location with an ENVIRONMENT error', async () => {
    // A path below a regular file can never be created (ENOTDIR), whoever runs the test.
    const file = join(mkdtempSync(join(tmpdir(), 'beian-store-')), 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(openStore(join(file, 'sub', 'x.db'))).rejects.toMatchObject({ code: 'ENVIRONMENT' });
  });
});
