import { describe, expect, it } from 'vitest';
import { openEngine } from '../engine/engine';
import { testEngine } from '../testSupport';
import { beginBulkLoad } from './bulkLoad';
import { isSearchIndexDeferred } from './search';

const indexes = (db: ReturnType<typeof testEngine>['engine']['db']) =>
  db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`).all();

describe('bulk load', () => {
  it('drops only the list indexes, and a load cut short is finished when the store opens again', () => {
    const { engine, dataDir } = testEngine();
    const before = indexes(engine.db);
    beginBulkLoad(engine.db);
    const during = indexes(engine.db).map((i) => (i as { name: string }).name);
    expect(during).not.toContain('incident_sla_by_due');
    expect(during).not.toContain('incident_sla_by_client');
    expect(during).toContain('incident_events_by_incident'); // the SLA clocks read timelines by it
    expect(isSearchIndexDeferred(engine.db)).toBe(true);
    // Nothing is lost if the app quits now: opening the store builds them again.
    engine.close();
    const reopened = openEngine({ dataDir });
    expect(indexes(reopened.db)).toEqual(before);
    expect(isSearchIndexDeferred(reopened.db)).toBe(false);
    reopened.close();
  });
});
