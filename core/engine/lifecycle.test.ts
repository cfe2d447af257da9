import { afterEach, describe, expect, it } from 'vitest';
import { contractTemplate } from '../../shared/domain/contract';
import type { Explanation } from '../../shared/sla/explanation';
import { englishExplanation } from '../../shared/sla/explanationText';
import { createSlaService } from '../sla/slaService';
import { testEngine } from '../testSupport';
import { dispatch } from './dispatch';
import type { Engine } from './engine';

let engine: Engine;
let setNow: (ms: number) => void;
afterEach(() => engine?.close());

async function call<T>(name: string, args: unknown): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

interface Detail {
  id: string;
  status: string;
  sla: {
    response: { state: string; dueAt: string | null; explanation?: Explanation };
    resolution: { state: string; dueAt: string | null; pausedMs: number; explanation?: Explanation };
  } | null;
}

/** Tuesday 23 December 2025, 16:00 in Amsterdam (15:00 UTC): Christmas and a weekend ahead. */
const TUE_1600 = Date.parse('2025-12-23T15:00:00Z');

async function setUp(costModel: 'subscription' | 'all_in' = 'subscription') {
  ({ engine, setNow } = testEngine(TUE_1600));
  const client = await call<{ id: string }>('clients.create', { name: 'Zorgplein Online', code: 'ZORG' });
  await call('contracts.set', { clientId: client.id, effectiveFrom: '2025-01-01', terms: contractTemplate(costModel) });
  return client.id;
}

describe('incident lifecycle and SLA clocks', () => {
  it('counts business hours across Christmas and the weekend, with an explanation', async () => {
    const clientId = await setUp('subscription');
    // Subscription P2: response 2 business hours, resolution 18 business hours (2 days of 9 h).
    const incident = await call<Detail>('incidents.create', { clientId, title: 'Contactformulier stuk', priority: 'P2' });
    // 16:00–17:30 Tuesday is 1.5 h; Wed 24 Dec opens 08:30 → response due 09:00 on the 24th.
    expect(incident.sla?.response.dueAt).toBe('2025-12-24T08:00:00.000Z');
    // Resolution: 1.5 h Tue + 9 h Wed 24th + (25, 26 Christmas; 27, 28 weekend) + 7.5 h Mon 29th → 16:00.
    expect(incident.sla?.resolution.dueAt).toBe('2025-12-29T15:00:00.000Z');
    const detail = await call<Detail>('incidents.get', { id: incident.id });
    const why = detail.sla?.resolution.explanation;
    expect(why).toMatchObject({ key: 'due', params: { at: '2025-12-29T15:00:00.000Z', weekends: 1 } });
    expect(why?.key === 'due' && why.params.closures[0]?.names.map((n) => n.en)).toEqual(['Christmas Day', 'Boxing Day']);
    // Data, never prose: the English rendering is made where it is shown.
    expect(englishExplanation(why!)).toMatch(/^due Mon 29 Dec 16:00 — 18 business hours from Tue 23 Dec 16:00; skips Christmas Day and Boxing Day/);
  });

  it('answers lifecycle actions with explanations as data', async () => {
    const clientId = await setUp('subscription');
    const created = await call<Detail>('incidents.create', { clientId, title: 'Contactformulier stuk', priority: 'P2' });
    expect(created.sla?.resolution.explanation?.key).toBe('due');
    const acked = await call<Detail>('incidents.acknowledge', { id: created.id });
    expect(acked.sla?.response.state).toBe('met');
    expect(acked.sla?.response.explanation).toMatchObject({ key: 'met', params: { clock: 'response', target: { ms: 2 * 3_600_000 } } });
    const id = created.id;
    const actions: [string, Record<string, unknown>][] = [
      ['incidents.setStatus', { id, to: 'in_progress' }],
      ['incidents.reply', { id, body: 'We kijken ernaar.' }],
      ['incidents.note', { id, body: 'Cache geleegd.' }],
      ['incidents.assign', { id, assigneeId: null }],
      ['incidents.setCategory', { id, category: null }],
      ['incidents.update', { id, title: 'Contactformulier geeft 500' }],
    ];
    for (const [name, args] of actions) {
      const answer = await call<Detail>(name, args);
      expect(answer.sla?.resolution.explanation?.key, name).toBe('due');
      expect(JSON.stringify(answer.sla), name).not.toMatch(/business hours|kantooruren/);
    }
  });

  it('pauses the resolution clock while waiting on the client and resumes without restarting', async () => {
    const clientId = await setUp('all_in');
    // All-in P1: response 15 min 24/7, resolution 4 h 24/7.
    const incident = await call<Detail>('incidents.create', { clientId, title: 'Productie plat', priority: 'P1' });
    setNow(TUE_1600 + 10 * 60_000);
    const acked = await call<Detail>('incidents.acknowledge', { id: incident.id });
    expect(acked.sla?.response.state).toBe('met');
    setNow(TUE_1600 + 60 * 60_000);
    const waiting = await call<Detail>('incidents.setStatus', { id: incident.id, to: 'waiting_on_client' });
    expect(waiting.sla?.resolution.state).toBe('paused');
    setNow(TUE_1600 + 3 * 3600_000);
    const resumed = await call<Detail>('incidents.setStatus', { id: incident.id, to: 'in_progress' });
    // 2 h paused: due moves from 20:00 to 22:00 local (19:00 → 21:00 UTC).
    expect(resumed.sla?.resolution.dueAt).toBe('2025-12-23T21:00:00.000Z');
    expect(resumed.sla?.resolution.pausedMs).toBe(2 * 3600_000);
  });

  it('keeps the pause history when the priority changes afterwards', async () => {
    const clientId = await setUp('all_in');
    const incident = await call<Detail>('incidents.create', { clientId, title: 'Traag', priority: 'P2' });
    setNow(TUE_1600 + 30 * 60_000);
    await call('incidents.setStatus', { id: incident.id, to: 'waiting_on_client' });
    setNow(TUE_1600 + 90 * 60_000);
    await call('incidents.setStatus', { id: incident.id, to: 'in_progress' });
    setNow(TUE_1600 + 100 * 60_000);
    const raised = await call<Detail>('incidents.update', { id: incident.id, priority: 'P1' });
    // P1 resolution 4 h from 15:00 UTC plus the 1 h pause → 20:00 UTC.
    expect(raised.sla?.resolution.dueAt).toBe('2025-12-23T20:00:00.000Z');
    expect(raised.sla?.resolution.pausedMs).toBe(3600_000);
  });

  it('refuses transitions that are not allowed and times before the opening, saving nothing', async () => {
    const clientId = await setUp();
    const incident = await call<Detail>('incidents.create', { clientId, title: 'x', priority: 'P3' });
    const bad = await dispatch(engine, 'incidents.setStatus', { id: incident.id, to: 'closed' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringMatching(/cannot become closed/) } });
    const early = await dispatch(engine, 'incidents.setStatus', { id: incident.id, to: 'in_progress', at: '2025-12-01T00:00:00Z' });
    expect(early).toMatchObject({ ok: false, error: { message: expect.stringMatching(/before the incident was opened/) } });
    expect(await call<unknown[]>('incidents.timeline', { id: incident.id })).toEqual([]);
    await call('incidents.setStatus', { id: incident.id, to: 'resolved' });
    await call('incidents.setStatus', { id: incident.id, to: 'in_progress' });
    const timeline = await call<{ data: { kind: string; to?: string } }[]>('incidents.timeline', { id: incident.id });
    expect(timeline.map((e) => e.data.to)).toEqual(['resolved', 'in_progress']);
  });

  it('sorts the list by time to breach and filters breached and at-risk incidents', async () => {
    const clientId = await setUp('all_in');
    const p3 = await call<Detail>('incidents.create', { clientId, title: 'P3 later', priority: 'P3' });
    const p1 = await call<Detail>('incidents.create', { clientId, title: 'P1 soon', priority: 'P1' });
    const page = await call<{ rows: { id: string; sla: unknown }[] }>('incidents.list', {});
    expect(page.rows.map((r) => r.id)).toEqual([p1.id, p3.id]);
    setNow(TUE_1600 + 12 * 60_000); // P1 response (15 min) is at risk from 11:15
    expect((await call<{ rows: { id: string }[] }>('incidents.list', { sla: 'at_risk' })).rows.map((r) => r.id)).toEqual([p1.id]);
    setNow(TUE_1600 + 20 * 60_000);
    const breached = await call<{ total: number; rows: { id: string }[] }>('incidents.list', { sla: 'breached' });
    expect(breached.rows.map((r) => r.id)).toEqual([p1.id]);
    expect(breached.total).toBe(1);
    expect((await call<{ total: number }>('incidents.list', { sla: 'breached', clientId })).total).toBe(1);
    expect((await call<{ total: number }>('incidents.list', { sla: 'breached', priorities: ['P3'] })).total).toBe(0);
    expect((await call<{ total: number; rows: unknown[] }>('incidents.list', { clientId, statuses: ['new'] })).rows).toHaveLength(2);
  });

  it('sorts by the next breach of a running clock; a late answer stays breached but no longer leads', async () => {
    const clientId = await setUp('all_in');
    const late = await call<Detail>('incidents.create', { clientId, title: 'Answered late', priority: 'P1' });
    const waiting = await call<Detail>('incidents.create', { clientId, title: 'Not answered yet', priority: 'P2' });
    // The P1's 15-minute response breached at 15:15; it is answered at 15:20. Its resolution is
    // due at 19:00; the P2's response, still running, at 15:30.
    setNow(TUE_1600 + 20 * 60_000);
    await call('incidents.acknowledge', { id: late.id });
    const page = await call<{ rows: { id: string; sla: { response: { state: string } } }[] }>('incidents.list', {});
    expect(page.rows.map((r) => r.id)).toEqual([waiting.id, late.id]);
    expect(page.rows[1]?.sla.response.state).toBe('breached');
    const breached = await call<{ rows: { id: string }[] }>('incidents.list', { sla: 'breached' });
    expect(breached.rows.map((r) => r.id)).toEqual([late.id]);
    // A store written before the cache counted running clocks only is recomputed when opened.
    engine.db.prepare('UPDATE incident_sla SET due_at = breached_at').run();
    engine.db.prepare(`DELETE FROM meta WHERE key = 'sla.cacheVersion'`).run();
    createSlaService(engine.db, () => TUE_1600 + 20 * 60_000).upgradeCache();
    expect((await call<{ rows: { id: string }[] }>('incidents.list', {})).rows.map((r) => r.id)).toEqual([waiting.id, late.id]);
  });

  it('raises at-risk and breach alerts, catching up after the machine slept through them', async () => {
    const clientId = await setUp('all_in');
    const alerts: unknown[] = [];
    engine.subscribe((name, payload) => name === 'sla.alert' && alerts.push(payload));
    const incident = await call<Detail>('incidents.create', { clientId, title: 'Productie plat', priority: 'P1' });
    // The laptop sleeps 20 minutes: the P1 response clock (15 min) went amber and then red meanwhile.
    setNow(TUE_1600 + 20 * 60_000);
    engine.wake();
    expect(alerts).toEqual([expect.objectContaining({ incidentId: incident.id, kind: 'breached', clientCode: 'ZORG', priority: 'P1' })]);
    engine.wake();
    expect(alerts).toHaveLength(1);
    // The resolution clock (4 h) goes amber at 75 %: 3 h after opening.
    setNow(TUE_1600 + 3 * 3600_000 + 1000);
    await call('incidents.acknowledge', { id: incident.id, at: new Date(TUE_1600 + 60_000).toISOString() });
    engine.wake();
    expect(alerts.at(-1)).toMatchObject({ kind: 'at_risk', incidentId: incident.id });
  });

  it('has no clock without a contract, and says so', async () => {
    ({ engine } = testEngine(TUE_1600));
    const client = await call<{ id: string }>('clients.create', { name: 'Zonder contract', code: 'NONE' });
    const incident = await call<Detail>('incidents.create', { clientId: client.id, title: 'x', priority: 'P1' });
    expect(incident.sla).toBeNull();
  });
});
