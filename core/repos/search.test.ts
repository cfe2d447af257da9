import { describe, expect, it } from 'vitest';
import { openEngine } from '../engine/engine';
import { testEngine } from '../testSupport';
import { queryIncidents } from './incidentList';
import { deferSearchIndex, isSearchIndexDeferred } from './search';

const ids = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('title search index', () => {
  it('finds rows written while paused by scanning, and rebuilds when the app opens the store again', () => {
    const { engine, dataDir } = testEngine(Date.parse('2026-03-02T09:00:00Z'));
    engine.mutate('client.create', { id: ids(1), name: 'Bakkerij Brood', code: 'BROOD' });
    engine.mutate('incident.create', { id: ids(2), clientId: ids(1), title: 'Webshop traag', description: '', priority: 'P2' });
    deferSearchIndex(engine.db);
    engine.mutate('incident.create', { id: ids(3), clientId: ids(1), title: 'Kassakoppeling traag', description: '', priority: 'P3' });
    const find = (db: typeof engine.db, text: string) =>
      queryIncidents(db, { search: text, sort: 'sla', offset: 0, limit: 10 }, Date.now())
        .rows.map((r) => r.id)
        .sort();
    // While paused the index misses the new title, but the list scans titles instead.
    expect(engine.db.prepare(`SELECT count(*) AS n FROM incident_search WHERE incident_search MATCH '"kassa"'`).get()).toEqual({ n: 0 });
    expect(find(engine.db, 'traag')).toEqual([ids(2), ids(3)]);
    // The app quits mid-bootstrap; opening the store again rebuilds the index.
    engine.close();
    const reopened = openEngine({ dataDir });
    expect(isSearchIndexDeferred(reopened.db)).toBe(false);
    expect(reopened.db.prepare(`SELECT count(*) AS n FROM incident_search WHERE incident_search MATCH '"kassa"'`).get()).toEqual({ n: 1 });
    expect(find(reopened.db, 'traag')).toEqual([ids(2), ids(3)]);
    // The folded text long searches recheck is rebuilt with it, one row per incident.
    expect(reopened.db.prepare('SELECT text FROM incident_search_text ORDER BY rowid').pluck().all()).toEqual([
      'webshop traag',
      'kassakoppeling traag',
    ]);
    reopened.close();
  });
});
