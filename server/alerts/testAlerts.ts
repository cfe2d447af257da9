import { v4 as uuidv4 } from 'uuid';
import type { NormalizedAlert } from '../../shared/alerts/normalized';
import type { TestDialect } from '../testSupport';
import { serviceOnFreshStore } from '../testSupport';
import { asSystem } from '../services/mutations';
import type { AlertContext } from './process';

/** Test helpers for the alert tests (never imported by production code). */

export function firing(fingerprint: string, over: Partial<NormalizedAlert> = {}): NormalizedAlert {
  return {
    source: 'alertmanager',
    fingerprint,
    status: 'firing',
    title: `Alert ${fingerprint}`,
    description: '',
    labels: { alertname: `Alert ${fingerprint}`, severity: 'critical' },
    annotations: { summary: `Summary of ${fingerprint}` },
    severity: 'critical',
    startsAt: Date.now() - 3 * 3_600_000,
    endsAt: null,
    groupKey: null,
    ...over,
  };
}

export const resolved = (fingerprint: string, over: Partial<NormalizedAlert> = {}) => firing(fingerprint, { status: 'resolved', ...over });

/**
 * A fresh store with a client `ACME`, and an alert context whose clock a test moves by hand
 * (it starts two hours back, so incidents opened "now" are never in the server's future).
 */
export async function alertFixture(dialect: TestDialect, cleanups: (() => Promise<void>)[]) {
  const s = await serviceOnFreshStore(dialect, cleanups);
  const clientId = uuidv4();
  await s.mutations.runMutation(asSystem('test'), 'client.create', { id: clientId, name: 'Acme', code: 'ACME' });
  const clock = { at: Date.now() - 2 * 3_600_000 };
  const ctx: AlertContext = { store: s.store, mutations: s.mutations, now: () => clock.at };
  const incidents = () =>
    s.store.db.selectFrom('incidents').select(['id', 'status', 'priority', 'title', 'created_by', 'category', 'description']).execute();
  const notes = (incidentId: string) =>
    s.store.db
      .selectFrom('incident_events')
      .select(['data', 'actor_id'])
      .where('incident_id', '=', incidentId)
      .orderBy('hlc')
      .execute()
      .then((rows) => rows.map((r) => ({ ...(JSON.parse(r.data) as { kind: string; body?: string; to?: string }), actor: r.actor_id })));
  return { ...s, clientId, clock, ctx, incidents, notes };
}
