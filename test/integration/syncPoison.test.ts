import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { appendOutbox } from '../../core/repos/outbox';
import { tempDataDir } from '../../core/testSupport';
import { DIALECTS, startTestServer } from '../../server/testSupport';
import type { SyncStatus } from '../../shared/contract';
import { contractTemplate } from '../../shared/domain/contract';
import { formatHlc, parseHlc } from '../../shared/hlc';

/**
 * A mutation the server's code chokes on (here a contract closure whose start and end are no dates,
 * as an older laptop could queue) used to fail every push with 500: nothing queued after it ever
 * reached the server. Now it is refused alone, shown to the user, and the rest goes on.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function call<T>(engine: Engine, name: string, args: unknown = {}): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

describe.each(DIALECTS)('a poisoned outbox entry against a %s office server', (dialect) => {
  it('is refused alone and shown; the work queued after it reaches the server', async () => {
    const s = await startTestServer(dialect);
    cleanups.push(() => s.close());
    const a = openEngine({ dataDir: tempDataDir() });
    cleanups.push(() => a.close());
    a.ensureProfile('local');
    await call(a, 'sync.login', { serverUrl: s.url, code: await s.engineer('Sanne', undefined, 'lead') });
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein', code: 'ZORG' });
    await call(a, 'incidents.create', { clientId: client.id, title: 'Voor het gif', priority: 'P2' });
    // Queued behind the engine's back, as an older version's schema let it through.
    const last = (a.db.prepare('SELECT hlc FROM outbox ORDER BY mutation_id DESC LIMIT 1').get() as { hlc: string }).hlc;
    const stamp = parseHlc(last);
    const poison = appendOutbox(a.db, {
      clientId: a.deviceId,
      name: 'contract.set',
      args: {
        id: uuidv4(),
        clientId: client.id,
        effectiveFrom: '2026-01-01',
        terms: { ...contractTemplate('prepaid'), closures: [{ kind: 'span', start: 'not a date', end: 'nor this' }] },
      },
      hlc: formatHlc({ ...stamp, counter: stamp.counter + 1 }),
      createdAt: new Date().toISOString(),
    });
    await call(a, 'incidents.create', { clientId: client.id, title: 'Na het gif', priority: 'P2' });
    await call(a, 'sync.now');
    const status = await call<SyncStatus>(a, 'sync.status');
    expect(status.pending).toBe(0);
    expect(status.rejected.map((r) => r.mutationId)).toEqual([poison]);
    const titles = (await s.store.db.selectFrom('incidents').select('title').execute()).map((r) => r.title).sort();
    expect(titles).toEqual(['Na het gif', 'Voor het gif']);
  });
});
