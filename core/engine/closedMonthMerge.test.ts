import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentDetail } from '../../shared/contract';
import type { BundlingSavingsView } from '../../shared/contract/bundling';
import type { TimeList } from '../../shared/contract/time';
import { contractTemplate } from '../../shared/domain/contract';
import type { TimelineEntry } from '../../shared/domain/lifecycle';
import { callEngine, testEngine } from '../testSupport';
import type { Engine } from './engine';

let engine: Engine;
afterEach(() => engine?.close());

const T0 = Date.parse('2026-03-02T09:00:00Z');
const call = <T>(name: string, args: unknown) => callEngine<T>(engine, name, args);

/** docs/billing.md, "Closed months and moved tickets": the preview says what stays, the merge leaves it. */
describe('a merge across a closed month in the engine', () => {
  it("previews and merges only open-month time; February's entry stays on the merged ticket, and the saving leaves it out", async () => {
    ({ engine } = testEngine(T0));
    const acme = await call<{ id: string }>('clients.create', { name: 'Acme', code: 'ACME' });
    await call('contracts.set', { clientId: acme.id, effectiveFrom: '2026-01-01', terms: { ...contractTemplate('prepaid'), billingIncrementMinutes: 15 } });
    const ticket = (title: string) => call<IncidentDetail>('incidents.create', { clientId: acme.id, title, priority: 'P3', openedAt: '2026-02-10T09:00:00Z' });
    const [a, b] = [await ticket('Wachtwoord vergeten'), await ticket('Logo vervangen')];
    await call('time.log', { incidentId: a.id, startedAt: '2026-03-02T07:00:00Z', minutes: 7 });
    await call('time.log', { incidentId: b.id, startedAt: '2026-03-02T08:00:00Z', minutes: 7 });
    await call('time.log', { incidentId: b.id, startedAt: '2026-02-20T08:00:00Z', minutes: 7 });
    await call('month.close', { clientId: acme.id, month: '2026-02' });

    const preview = await call<BundlingSavingsView>('bundling.preview', { survivorId: a.id, mergedIds: [b.id] });
    // March only: 7 + 7 apart bill 30, together 15; February's 7 (billed) counts for neither.
    expect(preview).toMatchObject({ keptEntries: 1, apartMinutes: 30, togetherMinutes: 15, savedMinutes: 15 });

    await call('bundling.merge', { survivorId: a.id, mergedIds: [b.id] });
    const entries = (await call<TimeList>('time.list', { from: '2026-02-01', to: '2026-03-31' })).entries;
    expect(entries.map((e) => [e.startedAt.slice(0, 10), e.incidentId === a.id ? 'a' : 'b']).sort()).toEqual([
      ['2026-02-20', 'b'],
      ['2026-03-02', 'a'],
      ['2026-03-02', 'a'],
    ]);
    const timeline = await call<TimelineEntry[]>('incidents.timeline', { id: a.id });
    expect(timeline.find((e) => e.data.kind === 'mergedFrom')?.data).toMatchObject({ movedEntries: 1, keptEntries: 1 });
  });
});
