import { afterEach, describe, expect, it } from 'vitest';
import { setMeta } from '../repos/meta';
import { upsertEngineer } from '../repos/sync';
import { testEngine } from '../testSupport';
import { localActor } from './actor';
import type { Engine } from './engine';

let engine: Engine | undefined;
afterEach(() => engine?.close());

describe('the laptop actor', () => {
  it('is its own admin unpaired; paired, it has the role of its synced row, and the least role without one', () => {
    ({ engine } = testEngine());
    const profile = engine.ensureProfile('Sanne'); // testEngine made one already: it stays
    expect(localActor(engine.db, profile)).toEqual({ id: profile.engineerId, name: profile.name, kind: 'engineer', role: 'admin' });
    setMeta(engine.db, 'sync.token', 'vgt_test');
    expect(localActor(engine.db, profile).role).toBe('engineer');
    upsertEngineer(engine.db, { id: profile.engineerId, name: profile.name, email: 's@a.test', role: 'lead', active: true });
    expect(localActor(engine.db, profile).role).toBe('lead');
  });
});
