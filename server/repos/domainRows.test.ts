import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../shared/domain/lifecycle';
import { FIXTURE_CLIENT, FIXTURE_INCIDENTS, FIXTURE_READS, OTHER_CLIENT } from '../../shared/mutations/readsFixture';
import { recordToRow, rowToRecord } from '../../shared/schema/tableSpec';
import { DIALECTS, freshServerDb } from '../testSupport';
import type { ServerDb } from '../db/connect';
import { loadRead, loadRow, writeRow } from './domainRows';

const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops.splice(0)) await drop();
});

async function store(dialect: (typeof DIALECTS)[number]): Promise<ServerDb> {
  const { store: s, drop } = await freshServerDb(dialect);
  drops.push(async () => {
    await s.close();
    await drop();
  });
  return s;
}

async function seeded(dialect: (typeof DIALECTS)[number]): Promise<ServerDb> {
  const s = await store(dialect);
  for (const row of [FIXTURE_CLIENT, OTHER_CLIENT]) await writeRow(s.db, { op: 'insert', table: 'clients', row });
  for (const row of FIXTURE_INCIDENTS) await writeRow(s.db, { op: 'insert', table: 'incidents', row });
  return s;
}

describe.each(DIALECTS)('domain rows on a %s server', (dialect) => {
  it('load a bounded list in code-point order, ties by id, nulls first: what the laptop loads', async () => {
    const s = await seeded(dialect);
    if (dialect === 'postgres') {
      // A database made with a language's collation ('a' < 'B' < 'b' < 'é' < 'Z'): the order must not follow it.
      await sql`ALTER TABLE incidents ALTER COLUMN title TYPE text COLLATE "und-x-icu"`.execute(s.db);
      const plain = await sql<{ title: string }>`SELECT title FROM incidents WHERE client_id = ${FIXTURE_CLIENT.id} ORDER BY title`.execute(
        s.db,
      );
      expect(plain.rows.map((r) => r.title)).toEqual(['a', 'a', 'b', 'B', 'é', 'Z']);
    }
    for (const { read, ids } of FIXTURE_READS) {
      expect(((await loadRead(s.db, read)) as { id: string }[]).map((r) => r.id)).toEqual(ids);
    }
    expect((await loadRow(s.db, 'incidents', 'clientId', FIXTURE_CLIENT.id))?.id).toBe('10000000-0000-7000-8000-000000000001');
    expect(await loadRow(s.db, 'clients', 'code', 'ANDER')).toEqual(OTHER_CLIENT);
  });

  it('update a table whose SQL name differs from its registry name, and delete exactly one row', async () => {
    const s = await seeded(dialect);
    const entry: TimelineEntry = {
      id: '20000000-0000-7000-8000-000000000001',
      incidentId: FIXTURE_INCIDENTS[0]!.id,
      at: '2026-03-02T10:00:00.000Z',
      data: { kind: 'note', body: 'eerst' },
      actorId: 'e1',
      actorName: 'Sanne',
      createdAt: '2026-03-02T10:00:00.000Z',
      hlc: 'h1',
      fieldVersions: {},
    };
    await writeRow(s.db, { op: 'insert', table: 'incidentEvents', row: entry });
    const edited = { ...entry, data: { kind: 'note' as const, body: 'daarna' } };
    // `incidentEvents` is `incident_events` in SQL: an update by the registry name finds no table.
    await writeRow(s.db, { op: 'update', table: 'incidentEvents', before: entry, row: edited });
    expect(await loadRow(s.db, 'incidentEvents', 'id', entry.id)).toEqual(edited);

    const platform = {
      id: '30000000-0000-7000-8000-000000000001',
      clientId: FIXTURE_CLIENT.id,
      name: 'Portaal',
      url: null,
      stack: '',
      environments: ['production'],
      createdAt: entry.createdAt,
      createdBy: 'e1',
      fieldVersions: {},
    };
    await writeRow(s.db, { op: 'insert', table: 'platforms', row: platform });
    await writeRow(s.db, { op: 'delete', table: 'platforms', before: platform });
    expect(await loadRow(s.db, 'platforms', 'id', platform.id)).toBeUndefined();
    await expect(writeRow(s.db, { op: 'delete', table: 'platforms', before: platform })).rejects.toThrow(/touched 0 rows/);
  });

  it('store the settings row: its integer and boolean come back as a number and a boolean', async () => {
    const s = await store(dialect);
    const row = { id: 'team' as const, idleThresholdMinutes: 240, idleDetection: true, fieldVersions: { idleDetection: 'h1' } };
    await writeRow(s.db, { op: 'insert', table: 'settings', row });
    expect(await loadRow(s.db, 'settings', 'id', 'team')).toStrictEqual(row);
    const off = { ...row, idleThresholdMinutes: 1, idleDetection: false };
    await writeRow(s.db, { op: 'update', table: 'settings', before: row, row: off });
    expect(await loadRow(s.db, 'settings', 'id', 'team')).toStrictEqual(off);
    const raw = await s.db.selectFrom('settings').select(['idle_threshold_minutes', 'idle_detection']).executeTakeFirstOrThrow();
    expect([Number(raw.idle_threshold_minutes), Number(raw.idle_detection)]).toEqual([1, 0]);
  });

  it('store integers and booleans and read them back as numbers and booleans (integer and native boolean columns)', async () => {
    const s = await store(dialect);
    const nativeBoolean = dialect === 'postgres' ? 'boolean' : 'integer';
    await sql
      .raw(`CREATE TABLE probe (id text PRIMARY KEY, minutes integer, big bigint, idle integer NOT NULL, native ${nativeBoolean} NOT NULL)`)
      .execute(s.db);
    const columns = [
      { field: 'id', column: 'id', kind: 'text' },
      { field: 'minutes', column: 'minutes', kind: 'integer' },
      { field: 'big', column: 'big', kind: 'integer' },
      { field: 'idle', column: 'idle', kind: 'boolean' },
      { field: 'native', column: 'native', kind: 'boolean' },
    ] as const;
    const rows = [
      { id: 'a', minutes: 10, big: 2 ** 40, idle: true, native: true },
      { id: 'b', minutes: null, big: 0, idle: false, native: false },
    ];
    for (const row of rows) {
      const r = rowToRecord({ columns }, row);
      await sql`INSERT INTO probe (id, minutes, big, idle, native) VALUES (${r.id}, ${r.minutes}, ${r.big}, ${r.idle}, ${r.native})`.execute(
        s.db,
      );
    }
    const back = await sql<Record<string, unknown>>`SELECT * FROM probe ORDER BY id`.execute(s.db);
    expect(back.rows.map((r) => recordToRow({ columns }, r))).toEqual(rows);
  });
});
