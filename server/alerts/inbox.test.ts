import { afterEach, describe, expect, it } from 'vitest';
import { ALERTMANAGER_FIRING } from '../../shared/alerts/fixtures';
import { insertDelivery, loadDelivery, settleDelivery } from '../repos/alertInbox';
import { DIALECTS } from '../testSupport';
import { createAlertInbox, ORPHAN_AFTER_MS } from './inbox';
import { addIntegration } from './integrations';
import { writeAlertSettings } from './repo';
import { alertFixture, firing } from './testAlerts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(DIALECTS)('alert inbox on %s', (dialect) => {
  it('a delivery left received by a crash is parsed by the sweep and routed into one incident, however often it is queued', async () => {
    const f = await alertFixture(dialect, cleanups);
    await writeAlertSettings(f.store.db, { defaultClientId: f.clientId });
    const now = f.clock.at;
    const am = await addIntegration(f.store, { kind: 'alertmanager' }, now);
    const base = { integrationId: am.id, receivedAt: now - ORPHAN_AFTER_MS - 1, deliveryId: null, headers: {}, status: 'received', error: null } as const;
    await insertDelivery(f.store.db, { ...base, id: 'old', body: Buffer.from(JSON.stringify(ALERTMANAGER_FIRING)) });
    await insertDelivery(f.store.db, { ...base, id: 'new', receivedAt: now, body: Buffer.from('{}') });
    const inbox = createAlertInbox(f.ctx);
    await inbox.sweepJob().run({ signal: new AbortController().signal });
    inbox.enqueue('old');
    await inbox.settled();
    expect(await loadDelivery(f.store.db, 'old')).toMatchObject({ status: 'processed', processedAt: new Date(now).toISOString() });
    const incidents = await f.incidents();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ category: 'monitoring', created_by: 'system', priority: 'P1' });
    // Still within its answer's processing window: left to the process that received it.
    expect(await loadDelivery(f.store.db, 'new')).toMatchObject({ status: 'received' });
  });

  it('a delivery left parsed by a process that died while routing it is routed by the sweep, once', async () => {
    const f = await alertFixture(dialect, cleanups);
    await writeAlertSettings(f.store.db, { defaultClientId: f.clientId });
    const now = f.clock.at;
    const am = await addIntegration(f.store, { kind: 'alertmanager' }, now);
    const row = { integrationId: am.id, receivedAt: now - 2 * ORPHAN_AFTER_MS, deliveryId: null, headers: {}, status: 'received', error: null } as const;
    await insertDelivery(f.store.db, { ...row, id: 'stuck', body: Buffer.from('{}') });
    // It was parsed (a minute and more ago) and then the process died before any incident was written.
    await settleDelivery(f.store.db, 'stuck', { status: 'parsed', alerts: [firing('fp-stuck')] }, now - ORPHAN_AFTER_MS - 1);
    const inbox = createAlertInbox(f.ctx);
    await inbox.sweepJob().run({ signal: new AbortController().signal });
    await inbox.sweepJob().run({ signal: new AbortController().signal });
    expect(await loadDelivery(f.store.db, 'stuck')).toMatchObject({ status: 'processed' });
    expect(await f.incidents()).toHaveLength(1);
  });

  it('a delivery whose alerts cannot become incidents is kept as failed with the reason', async () => {
    const f = await alertFixture(dialect, cleanups);
    await writeAlertSettings(f.store.db, { defaultClientId: f.clientId });
    const am = await addIntegration(f.store, { kind: 'alertmanager' }, f.clock.at);
    await insertDelivery(f.store.db, {
      integrationId: am.id,
      receivedAt: f.clock.at - 2 * ORPHAN_AFTER_MS,
      deliveryId: null,
      headers: {},
      status: 'received',
      error: null,
      id: 'broken',
      body: Buffer.from(JSON.stringify(ALERTMANAGER_FIRING)),
    });
    const inbox = createAlertInbox({ ...f.ctx, mutations: { ...f.mutations, transact: () => Promise.reject(new Error('disk full')) } });
    await inbox.sweepJob().run({ signal: new AbortController().signal });
    expect(await loadDelivery(f.store.db, 'broken')).toMatchObject({ status: 'failed', error: { key: 'alerts.partlyFailed', params: { failed: 1, total: 1 } } });
  });
});
