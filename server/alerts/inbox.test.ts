import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALERTMANAGER_FIRING } from '../../shared/alerts/fixtures';
import { insertDelivery, loadDelivery } from '../repos/alertInbox';
import { DIALECTS, freshServerDb } from '../testSupport';
import { createAlertInbox, ORPHAN_AFTER_MS } from './inbox';
import { addIntegration } from './integrations';
import * as handOff from './onParsedAlerts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(DIALECTS)('alert inbox on %s', (dialect) => {
  it('a delivery left received by a crash is parsed by the sweep and handed on once, however often it is queued', async () => {
    const { store, drop } = await freshServerDb(dialect);
    cleanups.push(drop, () => store.close());
    const now = Date.parse('2026-12-03T12:00:00Z');
    const am = await addIntegration(store, { kind: 'alertmanager' }, now);
    const receivedAt = now - ORPHAN_AFTER_MS - 1;
    const base = { integrationId: am.id, receivedAt, deliveryId: null, headers: {}, status: 'received', error: null } as const;
    await insertDelivery(store.db, { ...base, id: 'old', body: Buffer.from(JSON.stringify(ALERTMANAGER_FIRING)) });
    await insertDelivery(store.db, { ...base, id: 'new', receivedAt: now, body: Buffer.from('{}') });
    const handed = vi.spyOn(handOff, 'onParsedAlerts');
    const inbox = createAlertInbox({ store, mutations: undefined as never, now: () => now });
    await inbox.sweepJob().run({ signal: new AbortController().signal });
    inbox.enqueue('old');
    await inbox.settled();
    expect(await loadDelivery(store.db, 'old')).toMatchObject({ status: 'parsed', processedAt: new Date(now).toISOString() });
    expect(handed).toHaveBeenCalledTimes(1);
    expect(handed.mock.calls[0]!.slice(1)).toEqual([
      expect.objectContaining({ id: am.id }),
      [expect.objectContaining({ fingerprint: '4b0b3a1a5c5e2b7d' })],
      'old',
    ]);
    // Still within its answer's processing window: left to the process that received it.
    expect(await loadDelivery(store.db, 'new')).toMatchObject({ status: 'received' });
  });
});
