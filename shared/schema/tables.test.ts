import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import { fromRecord, TABLE_SPECS, toRecord } from './tables';

describe('table specs', () => {
  it('map a domain row to columns and back unchanged', () => {
    const incident: Incident = {
      id: '0190a5a8-0000-7000-8000-000000000001',
      clientId: '0190a5a8-0000-7000-8000-000000000002',
      title: 'Website traag',
      description: '',
      priority: 'P2',
      status: 'new',
      openedAt: '2026-03-02T09:00:00.000Z',
      createdAt: '2026-03-02T09:00:00.000Z',
      createdBy: 'e1',
      updatedAt: '2026-03-02T09:00:00.000Z',
      assigneeId: null,
      category: 'bugfix',
      fieldVersions: { title: 'x' },
    };
    const record = toRecord('incidents', incident);
    expect(record).toMatchObject({ client_id: incident.clientId, opened_at: incident.openedAt, field_versions: '{"title":"x"}' });
    expect(fromRecord('incidents', record)).toEqual(incident);
  });

  it('cover every field of the domain schemas exactly once', () => {
    for (const spec of Object.values(TABLE_SPECS)) {
      const columns = spec.columns.map((c) => c.column);
      expect(new Set(columns).size).toBe(columns.length);
      expect(columns).toContain('id');
    }
  });
});
