import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { actingEngineer, DIALECTS, serviceOnFreshStore } from '../testSupport';
import { asSystem } from './mutations';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const as = actingEngineer;

/** The office server runs the same time mutations and refuses alike (docs/time.md): the rules are not the laptop's alone. */
describe.each(DIALECTS)('time mutations on a %s office server', (dialect) => {
  it("refuses an engineer changing another's entry, lets a lead, and keeps one timer running per engineer", async () => {
    const { store, mutations } = await serviceOnFreshStore(dialect, cleanups);
    const { runMutation } = mutations;
    const clientId = uuidv4();
    await runMutation(asSystem('test'), 'client.create', { id: clientId, name: 'Acme', code: 'ACME' });
    const entry = uuidv4();
    await runMutation(as('sanne', 'engineer'), 'time.log', {
      id: entry,
      engineerId: 'sanne',
      clientId,
      startedAt: '2026-01-05T09:00:00Z',
      minutes: 30,
    });

    await expect(runMutation(as('joris', 'engineer'), 'time.update', { id: entry, reason: 'mine now', note: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
      params: { role: 'lead' },
    });
    await expect(runMutation(as('joris', 'engineer'), 'time.delete', { id: entry, reason: 'gone' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    // Logging time for someone else is a lead's too.
    await expect(
      runMutation(as('joris', 'engineer'), 'time.log', {
        id: uuidv4(),
        engineerId: 'sanne',
        clientId,
        startedAt: '2026-01-05T11:00:00Z',
        minutes: 5,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await runMutation(as('lead', 'lead'), 'time.update', { id: entry, reason: 'corrected', note: 'Overleg' });
    const row = await store.db
      .selectFrom('time_entries')
      .select(['note', 'change_reason'])
      .where('id', '=', entry)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ note: 'Overleg', change_reason: 'corrected' });

    const first = uuidv4();
    const second = uuidv4();
    await runMutation(as('joris', 'engineer'), 'timer.start', { id: first, engineerId: 'joris', clientId });
    await runMutation(as('joris', 'engineer'), 'timer.start', { id: second, engineerId: 'joris', clientId });
    const running = await store.db.selectFrom('time_entries').select('id').where('running_for', '=', 'joris').execute();
    expect(running).toEqual([{ id: second }]);
    await expect(runMutation(as('joris', 'engineer'), 'timer.stop', { id: first })).rejects.toMatchObject({ code: 'conflict' });
  });
});
