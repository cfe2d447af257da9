import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../shared/hlc';
import { dispatch } from '../engine/dispatch';
import { getRowBy } from '../repos/rows';
import { testEngine } from '../testSupport';
import { applyRestamps } from './clockSkew';

describe('taking the server corrected stamps', () => {
  it('restamps the fields of any mutable table, the team settings included', async () => {
    const { engine } = testEngine();
    expect((await dispatch(engine, 'settings.set', { idleThresholdMinutes: 45 })).ok).toBe(true);
    const { mutation_id: mutationId, hlc: old } = engine.db.prepare('SELECT mutation_id, hlc FROM outbox').get() as {
      mutation_id: number;
      hlc: string;
    };
    const corrected = formatHlc({ wallMs: Date.parse('2026-03-02T08:55:00Z'), counter: 0, node: 'server' });
    const server = { id: 'team', idleThresholdMinutes: 45, idleDetection: true, fieldVersions: { idleThresholdMinutes: corrected } };
    const touched = engine.db.transaction(() =>
      applyRestamps(engine.db, [{ mutationId, hlc: corrected, rows: [{ table: 'settings', id: 'team', row: server }] }], (id) =>
        id === mutationId ? old : undefined,
      ),
    )();
    expect(touched).toEqual(new Set(['settings']));
    expect(getRowBy(engine.db, 'settings', 'id', 'team')).toEqual(server);
  });
});
