import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../shared/domain/incident';
import { isOpenStatus } from '../../shared/domain/lifecycle';
import { seedDemo } from '../demo/seed';
import type { Engine } from '../engine/engine';
import { testEngine } from '../testSupport';
import { type IncidentFilter, queryIncidents } from './incidentList';

/**
 * The list query against an oracle: every incident with its SLA cache row, filtered and sorted
 * in plain JavaScript. Both plans (walking an SLA index, fetching and sorting) must give exactly
 * the oracle's page and total, whatever the filters.
 */
let engine: Engine;
let now: number;
interface Row {
  id: string;
  client_id: string;
  title: string;
  priority: string;
  status: string;
  client_name: string;
  client_code: string;
  open: number;
  due_at: number;
  at_risk_at: number;
  breached_at: number;
}
let all: Row[];

beforeAll(() => {
  // The engine's clock a minute ahead of the generator's "until now".
  now = Date.now() + 60_000;
  ({ engine } = testEngine(now));
  seedDemo(engine, { seed: 11, clients: 6, incidents: 600 });
  all = engine.db
    .prepare(
      `SELECT i.id, i.client_id, i.title, i.priority, i.status, c.name AS client_name, c.code AS client_code, s.open, s.due_at, s.at_risk_at, s.breached_at
       FROM incidents i JOIN incident_sla s ON s.incident_id = i.id JOIN clients c ON c.id = i.client_id`,
    )
    .all() as Row[];
}, 60_000);
afterAll(() => engine?.close());

const contains = (text: string, part: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes(part.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());

function oracle(f: IncidentFilter): { total: number; ids: string[] } {
  const matches = all.filter(
    (r) =>
      (!f.clientId || r.client_id === f.clientId) &&
      (!f.priorities?.length || f.priorities.includes(r.priority)) &&
      (!f.statuses?.length || f.statuses.includes(r.status)) &&
      (f.sla !== 'breached' || (r.open === 1 && r.breached_at <= now)) &&
      (f.sla !== 'at_risk' || (r.at_risk_at <= now && r.due_at > now)) &&
      (!f.search || contains(r.title, f.search) || contains(r.client_name, f.search) || contains(r.client_code, f.search)),
  );
  matches.sort((a, b) => b.open - a.open || a.due_at - b.due_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { total: matches.length, ids: matches.slice(f.offset, f.offset + f.limit).map((r) => r.id) };
}

describe('incident list query', () => {
  it('gives the oracle page and total on both plans, for any filter', () => {
    const clientIds = [...new Set(all.map((r) => r.client_id))];
    const words = [
      'traag',
      'TRAAG',
      'website',
      'ssl',
      'db',
      'x',
      'zzz-none',
      'website onbereikbaar',
      'CHECKOUT GEEFT FOUTMELDING',
      ...all.slice(0, 5).map((r) => r.client_name.slice(0, 4)),
    ];
    const filter = fc.record({
      clientId: fc.option(fc.constantFrom(...clientIds), { nil: undefined }),
      priorities: fc.option(fc.subarray(['P1', 'P2', 'P3', 'P4']), { nil: undefined }),
      statuses: fc.option(
        fc.oneof(
          fc.constant(INCIDENT_STATUSES.filter(isOpenStatus)),
          fc.subarray(
            INCIDENT_STATUSES.filter((st) => !isOpenStatus(st)),
            { minLength: 1 },
          ),
          fc.subarray([...INCIDENT_STATUSES]),
        ),
        { nil: undefined },
      ),
      sla: fc.option(fc.constantFrom('at_risk' as const, 'breached' as const), { nil: undefined }),
      search: fc.option(fc.constantFrom(...words), { nil: undefined }),
      offset: fc.constantFrom(0, 0, 7, 150),
      limit: fc.constantFrom(1, 20, 100),
    });
    fc.assert(
      fc.property(filter, (f) => {
        const full: IncidentFilter = { ...f, sort: 'sla' };
        const expected = oracle(full);
        for (const plan of ['walk', 'fetch'] as const) {
          const page = queryIncidents(engine.db, full, now, plan);
          expect({ total: page.total, ids: page.rows.map((r) => r.id) }, plan).toEqual(expected);
        }
        const chosen = queryIncidents(engine.db, full, now);
        expect(chosen.rows.map((r) => r.id)).toEqual(expected.ids);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the oracle page and total for a search alone, whether the open matches hold the page or not', () => {
    // Sorted by time to breach, a search alone reads a page the open matches hold among them and
    // counts the rest in the full index; a page reaching past them falls back to all matches.
    const words = [
      'traag',
      'website',
      'ebsi',
      'ssl',
      'db',
      'ij',
      'zzz-none',
      'Café',
      'Website onbereikbaar',
      'bij iDEAL-betaling',
      all[0]!.client_name.slice(0, 5),
    ];
    const filter = fc.record({
      search: fc.constantFrom(...words),
      offset: fc.constantFrom(0, 0, 3, 25, 150),
      limit: fc.constantFrom(1, 2, 5, 20, 100),
    });
    fc.assert(
      fc.property(filter, (f) => {
        const full: IncidentFilter = { ...f, sort: 'sla' };
        const expected = oracle(full);
        for (const plan of ['walk', 'fetch', undefined] as const) {
          const page = queryIncidents(engine.db, full, now, plan);
          expect({ total: page.total, ids: page.rows.map((r) => r.id) }, plan).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds titles by any part, ignoring case and accents, and follows renames', () => {
    const clientId = all[0]!.client_id;
    const id = '01900000-0000-7000-8000-00000000c0fe';
    engine.mutate('incident.create', {
      id,
      clientId,
      title: 'Café-menu toont verkeerde prijzen',
      description: '',
      priority: 'P3',
    });
    const find = (search: string) => queryIncidents(engine.db, { search, sort: 'sla', offset: 0, limit: 100 }, now).rows.map((r) => r.id);
    expect(find('cafe-MENU')).toContain(id);
    expect(find('erkeerde prij')).toContain(id);
    engine.mutate('incident.update', { id, title: 'Kassa rekent dubbel' });
    expect(find('cafe-menu')).not.toContain(id);
    expect(find('rekent dub')).toContain(id);
    // Quotes and FTS syntax are text, not query language.
    expect(() => find('"OR NEAR(')).not.toThrow();
    expect(find('"kassa"')).toEqual([]);
    // The open incidents' own index follows it out when resolved, and back in when reopened.
    const open = INCIDENT_STATUSES.filter(isOpenStatus);
    const findOpen = (search: string) =>
      queryIncidents(engine.db, { search, statuses: open, sort: 'sla', offset: 0, limit: 100 }, now).rows.map((r) => r.id);
    const indexedOpen = () =>
      (
        engine.db.prepare(`SELECT count(*) AS n FROM incident_search_open WHERE incident_search_open MATCH '"rekent dub"'`).get() as {
          n: number;
        }
      ).n;
    expect(findOpen('rekent dub')).toEqual([id]);
    engine.mutate('incident.setStatus', { id, to: 'resolved' });
    expect(indexedOpen()).toBe(0);
    expect(findOpen('rekent dub')).toEqual([]);
    expect(find('rekent dub')).toEqual([id]);
    engine.mutate('incident.setStatus', { id, to: 'in_progress' });
    expect(indexedOpen()).toBe(1);
    expect(findOpen('rekent dub')).toEqual([id]);
  });
});
