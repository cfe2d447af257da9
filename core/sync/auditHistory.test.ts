import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditContent, auditHash, GENESIS_HASH } from '../../shared/auditChain';
import type { AuditEntry } from '../../shared/domain/audit';
import { formatHlc } from '../../shared/hlc';
import { auditContentOf, type AuditTrailResponse } from '../../shared/sync/auditTrail';
import type { SyncedAudit } from '../../shared/sync/rows';
import { dispatch } from '../engine/dispatch';
import { type Engine, openEngine } from '../engine/engine';
import { verifySyncedAudit } from '../repos/auditSynced';
import { getMeta, setMeta } from '../repos/meta';
import { insertSyncedAudit } from '../repos/sync';
import { tempDataDir } from '../testSupport';
import { completeKey } from './auditHistory';
import { OfflineError, type SyncTransport } from './transport';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const INCIDENT = uuidv4();
const OTHER = uuidv4();

/** A server trail: entries alternate between the incident and another entity, each linked to the one before. */
function serverTrail(count: number): SyncedAudit[] {
  let prevHash = GENESIS_HASH;
  return Array.from({ length: count }, (_, i) => {
    const content: AuditContent = {
      at: new Date(T0 + i * 1000).toISOString(),
      hlc: formatHlc({ wallMs: T0 + i * 1000, counter: 0, node: 'laptopA' }),
      actorId: 'e1',
      actorName: 'Sanne de Boer',
      deviceId: 'laptopA',
      mutation: i < 2 ? 'incident.create' : 'incident.update',
      entity: 'incidents',
      entityId: i % 2 === 0 ? INCIDENT : OTHER,
      before: i < 2 ? null : { title: `v${i - 2}` },
      after: { title: `v${i}` },
    };
    const hash = auditHash(prevHash, content);
    const entry = { id: i + 1, ...content, hash, prevHash };
    prevHash = hash;
    return entry;
  });
}

/** The server's answer for an entity, newest first, in pages of `pageSize`. */
function page(trail: SyncedAudit[], entityId: string, before: number | undefined, pageSize: number): AuditTrailResponse {
  const all = trail.filter((e) => e.entityId === entityId && (before === undefined || e.id < before)).reverse();
  const entries = all.slice(0, pageSize);
  return { entries, cursor: entries.at(-1)?.id ?? null, hasMore: all.length > pageSize };
}

let engine: Engine | undefined;
afterEach(() => engine?.close());

function paired(answer: (entityId: string, before: number | undefined) => Promise<AuditTrailResponse>) {
  const requests: (number | undefined)[] = [];
  const transport = { auditTrail: (entityId: string, before: number | undefined) => (requests.push(before), answer(entityId, before)) };
  engine = openEngine({ dataDir: tempDataDir(), now: () => T0 + 3600_000, transportFor: () => transport as unknown as SyncTransport });
  engine.ensureProfile('Joris');
  setMeta(engine.db, 'sync.server', 'http://office.test');
  setMeta(engine.db, 'sync.token', 'token');
  setMeta(engine.db, 'sync.cursor', '42');
  return { engine, requests };
}

async function call<T>(
  e: Engine,
  name: string,
  args: unknown,
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  return (await dispatch(e, name, args)) as never;
}

const countSynced = (e: Engine) => (e.db.prepare('SELECT count(*) AS n FROM audit_synced').get() as { n: number }).n;

describe('audit.fetchHistory', () => {
  it('fetches every page, stores the entries verified, and marks the entity complete', async () => {
    const trail = serverTrail(9);
    const { engine: e, requests } = paired(async (id, before) => page(trail, id, before, 2));
    const result = await call(e, 'audit.fetchHistory', { entityId: INCIDENT });
    expect(result).toEqual({ ok: true, value: { fetched: 5, complete: true, problem: null } });
    expect(requests).toEqual([undefined, 7, 3]);
    const shown = await call<AuditEntry[]>(e, 'audit.forEntity', { entityId: INCIDENT });
    expect(shown.ok && shown.value.map((x) => x.after?.title)).toEqual(['v8', 'v6', 'v4', 'v2', 'v0']);
    expect(shown.ok && shown.value.every((x) => x.synced)).toBe(true);
    expect(getMeta(e.db, completeKey(INCIDENT))).toBe(new Date(T0 + 3600_000).toISOString());
    expect(verifySyncedAudit(e.db)).toBeNull();
    // Complete: the server is not asked again.
    expect(await call(e, 'audit.fetchHistory', { entityId: INCIDENT })).toEqual({
      ok: true,
      value: { fetched: 0, complete: true, problem: null },
    });
    expect(requests).toHaveLength(3);
  });

  it('keeps entries it already has (pulled), and links fetched ones to them', async () => {
    const trail = serverTrail(5);
    const { engine: e } = paired(async (id, before) => page(trail, id, before, 100));
    insertSyncedAudit(e.db, trail[3]!); // pulled earlier: the other entity's entry right after entry 3
    insertSyncedAudit(e.db, trail[4]!); // and the incident's newest
    expect(await call(e, 'audit.fetchHistory', { entityId: INCIDENT })).toMatchObject({ ok: true, value: { fetched: 2, complete: true } });
    expect(countSynced(e)).toBe(4);
  });

  it('offline: answers incomplete with the reason, stores nothing, and asks again next time', async () => {
    const { engine: e, requests } = paired(async () => {
      throw new OfflineError('Cannot reach http://office.test: connect ECONNREFUSED', null, { key: 'sync.offline', params: { server: 'http://office.test' } });
    });
    const result = await call(e, 'audit.fetchHistory', { entityId: INCIDENT });
    expect(result).toEqual({
      ok: true,
      value: { fetched: 0, complete: false, problem: { code: 'unavailable', key: 'sync.offline', params: { server: 'http://office.test' }, message: expect.any(String) } },
    });
    // The network's own words stay in the log.
    expect(JSON.stringify(result)).not.toContain('ECONNREFUSED');
    expect(getMeta(e.db, completeKey(INCIDENT))).toBeUndefined();
    await call(e, 'audit.fetchHistory', { entityId: INCIDENT });
    expect(requests).toHaveLength(2);
  });

  it('keeps a raw failure (not a VangnetError) in the log: the answer says internal, without its words', async () => {
    const { engine: e } = paired(async () => {
      throw new Error('SQLITE_IOERR: disk I/O error at /home/sanne/secret');
    });
    const result = await call(e, 'audit.fetchHistory', { entityId: INCIDENT });
    expect(result).toMatchObject({ ok: true, value: { complete: false, problem: { code: 'internal' } } });
    expect(JSON.stringify(result)).not.toMatch(/SQLITE|secret/);
  });

  it('does not ask a server when the laptop was never paired: all history is here', async () => {
    engine = openEngine({ dataDir: tempDataDir(), transportFor: () => ({}) as SyncTransport });
    expect(await call(engine, 'audit.fetchHistory', { entityId: INCIDENT })).toEqual({
      ok: true,
      value: { fetched: 0, complete: true, problem: null },
    });
  });

  it('stores but does not mark complete while the bootstrap is still running', async () => {
    const trail = serverTrail(3);
    const { engine: e } = paired(async (id, before) => page(trail, id, before, 100));
    setMeta(e.db, 'sync.bootstrapping', '1');
    expect(await call(e, 'audit.fetchHistory', { entityId: INCIDENT })).toMatchObject({ ok: true, value: { fetched: 2 } });
    expect(getMeta(e.db, completeKey(INCIDENT))).toBeUndefined();
  });

  it.each([
    [
      'edited content',
      (t: SyncedAudit[]) => (t[2] = { ...t[2]!, actorName: 'Mallory' }),
      /entry 3 for .* cannot be verified: its content does not match its hash/,
    ],
    [
      'a rewritten entry with a hash of its own',
      (t: SyncedAudit[]) => {
        const forged = { ...t[2]!, after: { title: 'forged' } };
        t[2] = { ...forged, hash: auditHash(forged.prevHash, auditContentOf(forged)) };
      },
      /entry 3 .* entry 4 does not link to it/,
    ],
    ['another entity’s entry', (t: SyncedAudit[]) => (t[2] = { ...t[2]!, entityId: OTHER }), /entry 3 .* it belongs to/],
  ])('refuses %s with a clear error and stores nothing', async (_name, tamper, message) => {
    const trail = serverTrail(5);
    const served = [...trail];
    tamper(served);
    // The server answers for the entity's entries as they were, but sends the tampered copies.
    const { engine: e } = paired(async (id, before) => {
      const answer = page(trail, id, before, 100);
      return { ...answer, entries: answer.entries.map((x) => served[x.id - 1]!) };
    });
    insertSyncedAudit(e.db, trail[3]!); // entry 4, pulled: the forged entry 3 no longer links to it
    const result = await call(e, 'audit.fetchHistory', { entityId: INCIDENT });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('conflict');
      expect(result.error.message).toMatch(message);
      expect(result.error.message).toMatch(/Nothing of this history was stored/);
    }
    expect(countSynced(e)).toBe(1);
    expect(getMeta(e.db, completeKey(INCIDENT))).toBeUndefined();
  });

  it('verifySyncedAudit finds a stored entry whose hash does not cover its content', () => {
    const trail = serverTrail(3);
    const { engine: e } = paired(async () => ({ entries: [], cursor: null, hasMore: false }));
    for (const entry of trail) insertSyncedAudit(e.db, entry.id === 2 ? { ...entry, actorName: 'Mallory' } : entry);
    expect(verifySyncedAudit(e.db)).toEqual({ id: 2, reason: 'its content does not match its hash' });
  });
});
