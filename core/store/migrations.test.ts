import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../testSupport';
import { openDatabase, schemaVersion } from './database';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';
import { formatError } from '../cli/output';
import type { VangnetError } from '../../shared/errors';

/**
 * Landed migrations are immutable: a store in the field has already run them. Editing one changes
 * its hash and fails here; add a new migration instead.
 */
const LANDED: Record<number, string> = {
  1: '581728c1f472413a2ebd7c8d50e1fa5e7d8672381acb9561a45e8e31e520aee1',
  2: '4a22e0f267be4d4cd473f20eb8948f96209ccc39e065912df1aa52eec661e204',
  3: '4b51124bad9d1c01cfa080ad99b214e147e5e03fb0d3146c749f6c57b11e6f0e',
  4: 'f51d55f0840500ae036cace75ae21a309f6ca40898ac36cfd59ecdc72439fe5b',
  5: 'e62fbe23419797a8fcded050993a6aca51b4bcbc65101769e9a282dfdbf3768d',
  6: '56b9a768c7dab45d6d663c4aca04f493c6303865a4d49278f52a6041cbefea9c',
};

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('migrations', () => {
  it('are numbered in increasing order from 1, the last one the latest version', () => {
    // Numbers are handed out per branch of a release (0006 and 0007 on two branches): they must
    // only increase, so a store at version N has applied exactly those numbered N or less.
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(LATEST_VERSION).toBe(versions.at(-1));
  });

  it('have not been edited since they landed', () => {
    for (const m of MIGRATIONS) {
      if (LANDED[m.version]) expect(sha(m.sql), `migration ${m.version} (${m.name}) was edited`).toBe(LANDED[m.version]);
    }
  });

  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(tempDataDir(), 's.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('0001 creates clients, incidents, outbox and an append-only audit table', () => {
    const file = path.join(tempDataDir(), 's.db');
    const empty = openDatabase(file, { targetVersion: 0 });
    expect(schemaVersion(empty)).toBe(0);
    empty.close();
    const db = openDatabase(file, { targetVersion: 1 });
    expect(schemaVersion(db)).toBe(1);
    db.prepare(`INSERT INTO clients VALUES ('c1', 'Acme', 'ACME', '2026-01-01T00:00:00Z', 'e1', '{}')`).run();
    expect(() => db.prepare(`INSERT INTO incidents VALUES ('i1', 'nope', 't', '', 'P1', 'new', 'x', 'x', 'e1', 'x', '{}')`).run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => db.prepare(`INSERT INTO incidents VALUES ('i1', 'c1', 't', '', 'P9', 'new', 'x', 'x', 'e1', 'x', '{}')`).run()).toThrow(
      /CHECK/,
    );
    db.prepare(
      `INSERT INTO audit (at, hlc, actor_id, actor_name, device_id, mutation, entity, entity_id, prev_hash, hash)
       VALUES ('t', 'h', 'a', 'A', 'd', 'm', 'client', 'c1', 'p', 'h')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit SET actor_name = 'Mallory'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit`).run()).toThrow(/append-only/);
    db.close();
  });

  it('0002 adds engineers and the synced audit trail to a store that already holds work', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v1 = openDatabase(file, { targetVersion: 1 });
    v1.prepare(`INSERT INTO clients VALUES ('c1', 'Acme', 'ACME', '2026-01-01T00:00:00Z', 'e1', '{}')`).run();
    v1.close();
    const db = openDatabase(file, { targetVersion: 2 });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT name FROM clients').all()).toEqual([{ name: 'Acme' }]);
    db.prepare(`INSERT INTO engineers VALUES ('e1', 'Sanne', 's@a.nl', 'lead', 1)`).run();
    db.prepare(
      `INSERT INTO audit_synced (id, at, hlc, actor_id, actor_name, device_id, mutation, entity, entity_id, prev_hash, hash)
       VALUES (1, 't', 'h', 'e1', 'Sanne', 'd', 'client.create', 'client', 'c1', 'p', 'h')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_synced SET actor_name = 'Mallory'`).run()).toThrow(/append-only/);
    db.close();
  });

  it('0003 adds the lifecycle to incidents that already exist, and backfills nothing it cannot know', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v2 = openDatabase(file, { targetVersion: 2 });
    v2.prepare(`INSERT INTO clients VALUES ('c1', 'Acme', 'ACME', '2026-01-01T00:00:00Z', 'e1', '{}')`).run();
    v2.prepare(`INSERT INTO incidents VALUES ('i1', 'c1', 't', '', 'P1', 'new', 'x', 'x', 'e1', 'x', '{}')`).run();
    v2.close();
    const db = openDatabase(file, { targetVersion: 3 });
    expect(db.prepare('SELECT assignee_id, category FROM incidents').get()).toEqual({ assignee_id: null, category: null });
    expect(() => db.prepare(`UPDATE incidents SET category = 'gardening'`).run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO incident_events VALUES ('e1', 'i1', 'x', '{}', 'a', 'A', 'x', 'h', '{}')`).run();
    expect(() => db.prepare(`UPDATE incident_events SET actor_name = 'M'`).run()).toThrow(/append-only/);
    expect(db.prepare('SELECT count(*) AS n FROM incident_sla').get()).toEqual({ n: 0 });
    db.close();
  });

  it('0004 flags closed incidents in the SLA cache and indexes the titles already there for search', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v3 = openDatabase(file, { targetVersion: 3 });
    v3.prepare(`INSERT INTO clients VALUES ('c1', 'Acme', 'ACME', '2026-01-01T00:00:00Z', 'e1', '{}')`).run();
    const incident = v3.prepare(`INSERT INTO incidents VALUES (?, 'c1', ?, '', 'P1', ?, 'x', 'x', 'e1', 'x', '{}', NULL, NULL)`);
    incident.run('i1', 'Webshop traag', 'new');
    incident.run('i2', 'Certificaat verlopen', 'closed');
    v3.prepare(`INSERT INTO incident_sla (incident_id, client_id, due_at, at_risk_at) VALUES ('i1', 'c1', 1, 1), ('i2', 'c1', 9, 9)`).run();
    v3.close();
    const db = openDatabase(file, { targetVersion: 4 });
    expect(db.prepare('SELECT incident_id, open FROM incident_sla ORDER BY incident_id').all()).toEqual([
      { incident_id: 'i1', open: 1 },
      { incident_id: 'i2', open: 0 },
    ]);
    const search = db.prepare(
      `SELECT s.incident_id FROM incident_sla s WHERE s.rowid IN (SELECT rowid FROM incident_search WHERE incident_search MATCH ?)`,
    );
    expect(search.all('"TIFICA"')).toEqual([{ incident_id: 'i2' }]);
    const openTitles = db.prepare(`SELECT count(*) AS n FROM incident_search_open WHERE incident_search_open MATCH ?`);
    expect([openTitles.get('"traag"'), openTitles.get('"tifica"')]).toEqual([{ n: 1 }, { n: 0 }]);
    // Kept in step from now on: a retitled incident is found by its new title only; a deleted one not at all.
    db.prepare(`UPDATE incidents SET title = 'Webwinkel traag' WHERE id = 'i1'`).run();
    expect(search.all('"webshop"')).toEqual([]);
    expect(search.all('"webwinkel"')).toEqual([{ incident_id: 'i1' }]);
    db.prepare(`DELETE FROM incidents WHERE id = 'i1'`).run();
    expect(search.all('"traag"')).toEqual([]);
    db.close();
  });

  it('0005 keeps the folded text of titles already indexed, and of new and retitled ones', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v4 = openDatabase(file, { targetVersion: 4 });
    v4.prepare(`INSERT INTO clients VALUES ('c1', 'Acme', 'ACME', '2026-01-01T00:00:00Z', 'e1', '{}')`).run();
    const incident = v4.prepare(`INSERT INTO incidents VALUES (?, 'c1', ?, '', 'P1', 'new', 'x', 'x', 'e1', 'x', '{}', NULL, NULL)`);
    incident.run('i1', 'Café-menu TRAAG');
    incident.run('i0', 'Ώρα αναμονής');
    v4.prepare(`INSERT INTO incident_sla (incident_id, client_id, due_at, at_risk_at) VALUES ('i1', 'c1', 1, 1), ('i0', 'c1', 1, 1)`).run();
    v4.close();
    const db = openDatabase(file, { targetVersion: 5 });
    // The indexes are rebuilt from the folded text: Greek accents fold too (SQLite's folding keeps them).
    // The first breach starts as the old due instant (which counted stopped, breached clocks too).
    expect(db.prepare('SELECT DISTINCT breached_at FROM incident_sla').pluck().all()).toEqual([1]);
    const greek = db.prepare(`SELECT count(*) FROM incident_search WHERE incident_search MATCH '"ωρα"'`).pluck();
    expect(greek.get()).toBe(1);
    db.prepare(`DELETE FROM incidents WHERE id = 'i0'`).run();
    expect(greek.get()).toBe(0);
    const text = () =>
      db.prepare('SELECT x.text FROM incident_search_text x JOIN incident_sla s ON s.rowid = x.rowid ORDER BY s.incident_id').pluck().all();
    expect(text()).toEqual(['cafe-menu traag']);
    db.prepare(`INSERT INTO incidents VALUES ('i2', 'c1', 'Ëxtra Über', '', 'P1', 'new', 'x', 'x', 'e1', 'x', '{}', NULL, NULL)`).run();
    db.prepare(`INSERT INTO incident_sla (incident_id, client_id, due_at, at_risk_at) VALUES ('i2', 'c1', 1, 1)`).run();
    db.prepare(`UPDATE incidents SET title = 'Kassa rekent DUBBEL' WHERE id = 'i1'`).run();
    expect(text()).toEqual(['kassa rekent dubbel', 'extra uber']);
    db.prepare(`DELETE FROM incidents WHERE id = 'i2'`).run();
    expect(text()).toEqual(['kassa rekent dubbel']);
    db.close();
  });

  it('0006 keeps the code of a refusal beside its message; entries refused before have none', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v5 = openDatabase(file, { targetVersion: 5 });
    const add = v5.prepare(
      `INSERT INTO outbox (client_id, name, args, hlc, created_at, state, error) VALUES ('d', 'contract.set', '{}', 'h', 'x', ?, ?)`,
    );
    add.run('rejected', 'Nope');
    v5.close();
    const db = openDatabase(file, { targetVersion: 6 });
    expect(db.prepare('SELECT error, error_code FROM outbox').all()).toEqual([{ error: 'Nope', error_code: null }]);
    db.prepare(`UPDATE outbox SET error_code = 'forbidden'`).run();
    expect(db.prepare('SELECT error_code FROM outbox').pluck().get()).toBe('forbidden');
    db.close();
  });

  it('0008 keeps the key and params of a refusal; entries refused before have none, and params must be an object', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v7 = openDatabase(file, { targetVersion: 7 });
    v7.prepare(
      `INSERT INTO outbox (client_id, name, args, hlc, created_at, state, error, error_code) VALUES ('d', 'contract.set', '{}', 'h', 'x', 'rejected', 'Nope', 'forbidden')`,
    ).run();
    v7.close();
    const db = openDatabase(file, { targetVersion: 8 });
    expect(db.prepare('SELECT error_code, error_key, error_params FROM outbox').all()).toEqual([
      { error_code: 'forbidden', error_key: null, error_params: null },
    ]);
    db.prepare(`UPDATE outbox SET error_key = 'permission.forbidden', error_params = '{"role":"lead"}'`).run();
    expect(() => db.prepare(`UPDATE outbox SET error_params = '["lead"]'`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE outbox SET error_params = 'lead'`).run()).toThrow();
    expect(db.prepare('SELECT error_params FROM outbox').pluck().get()).toBe('{"role":"lead"}');
    db.close();
  });

  it('0009 adds time entries tied to their client and incident, and the local timer heartbeat', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v7 = openDatabase(file, { targetVersion: 7 });
    v7.prepare(`INSERT INTO clients VALUES ('c1', 'Acme', 'ACME', '2026-01-01T00:00:00Z', 'e1', '{}')`).run();
    v7.close();
    const db = openDatabase(file, { targetVersion: 9 });
    const add = db.prepare(`INSERT INTO time_entries VALUES (?, 'e1', ?, ?, 't', NULL, 'e1', '', ?, ?, NULL, 't', 'e1', '{}')`);
    add.run('t1', 'c1', null, 1, 'support');
    expect(() => add.run('t2', 'nope', null, 1, 'support')).toThrow(/FOREIGN KEY/);
    expect(() => add.run('t3', 'c1', 'no-incident', 1, 'support')).toThrow(/FOREIGN KEY/);
    expect(() => add.run('t4', 'c1', null, 2, 'support')).toThrow(/CHECK/);
    expect(() => add.run('t5', 'c1', null, 0, 'overtime')).toThrow(/CHECK/);
    db.prepare(`INSERT INTO timer_heartbeat VALUES ('t1', '2026-03-02T09:00:00Z')`).run();
    expect(db.prepare('SELECT entry_id FROM timer_heartbeat').pluck().all()).toEqual(['t1']);
    db.close();
  });

  it('0010 adds the append-only budget lines, tied to their client, with a known kind and never 0 minutes', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v9 = openDatabase(file, { targetVersion: 9 });
    v9.prepare(`INSERT INTO clients VALUES ('c1', 'Acme', 'ACME', '2026-01-01T00:00:00Z', 'e1', '{}')`).run();
    v9.close();
    const db = openDatabase(file, { targetVersion: 10 });
    const add = db.prepare(`INSERT INTO budget_lines VALUES (?, ?, ?, ?, '2026-03-01', NULL, '', 't', 'e1', '{}')`);
    add.run('b1', 'c1', 'purchase', 600);
    add.run('b2', 'c1', 'adjustment', -30);
    expect(() => add.run('b3', 'nope', 'purchase', 60)).toThrow(/FOREIGN KEY/);
    expect(() => add.run('b4', 'c1', 'gift', 60)).toThrow(/CHECK/);
    expect(() => add.run('b5', 'c1', 'adjustment', 0)).toThrow(/CHECK/);
    expect(() => add.run('b6', 'c1', 'purchase', 1.5)).toThrow(/cannot store REAL/);
    db.close();
  });

  it('0011 adds closed months, tied to their client, closed as 0 or 1', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v10 = openDatabase(file, { targetVersion: 10 });
    v10.prepare(`INSERT INTO clients VALUES ('c1', 'Acme', 'ACME', '2026-01-01T00:00:00Z', 'e1', '{}')`).run();
    v10.close();
    const db = openDatabase(file, { targetVersion: 11 });
    const add = db.prepare(`INSERT INTO month_closes VALUES (?, ?, '2026-02', 'Europe/Amsterdam', ?, NULL, 't', 'e1', '{}')`);
    add.run('c1:2026-02', 'c1', 1);
    expect(() => add.run('x:2026-02', 'nope', 1)).toThrow(/FOREIGN KEY/);
    expect(() => add.run('c1:2026-03', 'c1', 2)).toThrow(/CHECK/);
    expect(() => add.run('c1:2026-02', 'c1', 0)).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('0013 lets an incident point to the one it was merged into; incidents from before point nowhere', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v10 = openDatabase(file, { targetVersion: 10 });
    v10.prepare(`INSERT INTO clients VALUES ('c1', 'Acme', 'ACME', '2026-01-01T00:00:00Z', 'e1', '{}')`).run();
    v10.prepare(`INSERT INTO incidents VALUES ('i1', 'c1', 't', '', 'P1', 'new', 'x', 'x', 'e1', 'x', '{}', NULL, NULL)`).run();
    v10.close();
    const db = openDatabase(file, { targetVersion: 13 });
    expect(db.prepare('SELECT merged_into FROM incidents').pluck().get()).toBeNull();
    db.prepare(`INSERT INTO incidents VALUES ('i2', 'c1', 't', '', 'P1', 'closed', 'x', 'x', 'e1', 'x', '{}', NULL, NULL, 'i1')`).run();
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM incidents WHERE merged_into = 'i1'`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/incidents_by_merged_into/);
    db.close();
  });

  it('0014 adds the append-only notified thresholds, tied to their client, with a threshold of 0–100', () => {
    const file = path.join(tempDataDir(), 's.db');
    const v10 = openDatabase(file, { targetVersion: 10 });
    v10.prepare(`INSERT INTO clients VALUES ('c1', 'Acme', 'ACME', '2026-01-01T00:00:00Z', 'e1', '{}')`).run();
    v10.close();
    const db = openDatabase(file, { targetVersion: 14 });
    const add = db.prepare(`INSERT INTO budget_notices VALUES (?, ?, 'p1', ?, 30, '2026-03-01T00:00:00Z', 'e1', '{}')`);
    add.run('n1', 'c1', 25);
    expect(() => add.run('n1', 'c1', 10)).toThrow(/UNIQUE/);
    expect(() => add.run('n2', 'nope', 10)).toThrow(/FOREIGN KEY/);
    expect(() => add.run('n3', 'c1', 101)).toThrow(/CHECK/);
    db.close();
  });

  it('refuses a store written by a newer version, leaving it untouched', () => {
    const file = path.join(tempDataDir(), 's.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer Vangnet/);
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5);
    again.close();
  });

  it('refuses a file that is not a SQLite database', async () => {
    const fs = await import('node:fs');
    const file = path.join(tempDataDir(), 's.db');
    fs.writeFileSync(file, 'this is not a database, it is a shopping list '.repeat(200));
    expect(() => openDatabase(file)).toThrow(/Cannot open the store/);
    // SQLite's words are a param for the CLI and the log, never part of the text a screen shows.
    let refused: unknown;
    try {
      openDatabase(file);
    } catch (err) {
      refused = err;
    }
    expect(refused).toMatchObject({ code: 'store_corrupt', key: 'store.cannotOpen', params: { detail: expect.stringMatching(/not a database/) } });
    expect((refused as Error).message).not.toMatch(/not a database/);
    expect(formatError((refused as VangnetError).toInfo())).toMatch(/\n {2}detail: .*not a database/);
  });
});
