import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { actingEngineer as as, DIALECTS, serviceOnFreshStore } from '../testSupport';
import { asSystem } from './mutations';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A closed month on the office server (docs/time.md, "Closed months"): the server refuses alike. */
describe.each(DIALECTS)('closed months on a %s office server', (dialect) => {
  it('lets only a lead close, then refuses changing, deleting or logging time that starts in the month', async () => {
    const { store, mutations } = await serviceOnFreshStore(dialect, cleanups);
    const { runMutation } = mutations;
    const clientId = uuidv4();
    await runMutation(asSystem('test'), 'client.create', { id: clientId, name: 'Acme', code: 'ACME' });
    const entry = uuidv4();
    // 31 January 23:30 in Amsterdam is still January there (22:30 UTC).
    await runMutation(as('sanne', 'engineer'), 'time.log', {
      id: entry,
      engineerId: 'sanne',
      clientId,
      startedAt: '2026-01-31T22:30:00Z',
      minutes: 20,
    });

    await expect(runMutation(as('sanne', 'engineer'), 'month.close', { clientId, month: '2026-01' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await runMutation(as('lead', 'lead'), 'month.close', { clientId, month: '2026-01' });
    const row = await store.db.selectFrom('month_closes').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: `${clientId}:2026-01`, closed: 1, time_zone: 'Europe/Amsterdam' });

    const closed = { code: 'conflict', key: 'time.monthClosed', params: { month: '2026-01' } };
    await expect(
      runMutation(as('sanne', 'engineer'), 'time.update', { id: entry, reason: 'r', endedAt: '2026-01-31T23:00:00Z' }),
    ).rejects.toMatchObject(closed);
    await expect(runMutation(as('lead', 'lead'), 'time.update', { id: entry, reason: 'r', billable: false })).rejects.toMatchObject(closed);
    await expect(runMutation(as('lead', 'lead'), 'time.delete', { id: entry, reason: 'r' })).rejects.toMatchObject(closed);
    // Moving an open-month entry into the closed month is refused too.
    const feb = uuidv4();
    await runMutation(as('sanne', 'engineer'), 'time.log', {
      id: feb,
      engineerId: 'sanne',
      clientId,
      startedAt: '2026-02-02T09:00:00Z',
      minutes: 5,
    });
    await expect(
      runMutation(as('sanne', 'engineer'), 'time.update', { id: feb, reason: 'r', startedAt: '2026-01-30T09:00:00Z' }),
    ).rejects.toMatchObject(closed);
    await expect(
      runMutation(as('sanne', 'engineer'), 'time.log', {
        id: uuidv4(),
        engineerId: 'sanne',
        clientId,
        startedAt: '2026-01-15T09:00:00Z',
        minutes: 5,
      }),
    ).rejects.toMatchObject(closed);
    // The note explains and may still change; 1 February 00:30 in Amsterdam is February.
    await runMutation(as('sanne', 'engineer'), 'time.update', { id: entry, reason: 'r', note: 'Uitleg' });
    await runMutation(as('sanne', 'engineer'), 'time.log', {
      id: uuidv4(),
      engineerId: 'sanne',
      clientId,
      startedAt: '2026-01-31T23:30:00Z',
      minutes: 5,
    });

    await expect(runMutation(as('lead', 'lead'), 'month.reopen', { clientId, month: '2026-01', reason: ' ' })).rejects.toMatchObject({
      code: 'invalid_args',
    });
    await runMutation(as('lead', 'lead'), 'month.reopen', { clientId, month: '2026-01', reason: 'Correctie klant' });
    await runMutation(as('sanne', 'engineer'), 'time.delete', { id: entry, reason: 'dubbel' });
    const audit = await store.db.selectFrom('audit').select(['mutation']).where('entity', '=', 'month_close').execute();
    expect(audit.map((a) => a.mutation)).toEqual(['month.close', 'month.reopen']);
  });

  it('refuses closing a month that has not ended, and reopening one never closed', async () => {
    const { mutations } = await serviceOnFreshStore(dialect, cleanups);
    const clientId = uuidv4();
    await mutations.runMutation(asSystem('test'), 'client.create', { id: clientId, name: 'Acme', code: 'ACME' });
    await expect(mutations.runMutation(as('lead', 'lead'), 'month.close', { clientId, month: '2999-01' })).rejects.toMatchObject({
      key: 'month.notEnded',
    });
    await expect(
      mutations.runMutation(as('lead', 'lead'), 'month.reopen', { clientId, month: '2025-01', reason: 'x' }),
    ).rejects.toMatchObject({
      key: 'month.notClosed',
    });
    await expect(mutations.runMutation(as('lead', 'lead'), 'month.close', { clientId: uuidv4(), month: '2025-01' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
