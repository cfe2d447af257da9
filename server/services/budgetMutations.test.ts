import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { contractTemplate } from '../../shared/domain/contract';
import { actingEngineer, DIALECTS, serviceOnFreshStore } from '../testSupport';
import { asSystem } from './mutations';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const as = actingEngineer;

/** The office server runs the same ledger mutations (docs/billing.md): leads only, prepaid contracts only. */
describe.each(DIALECTS)('budget mutations on a %s office server', (dialect) => {
  it('refuses an engineer and a non-prepaid client, and stores a lead’s lines as they were sent', async () => {
    const { store, mutations } = await serviceOnFreshStore(dialect, cleanups);
    const { runMutation } = mutations;
    const [prepaid, allIn] = [uuidv4(), uuidv4()];
    await runMutation(asSystem('test'), 'client.create', { id: prepaid, name: 'Acme', code: 'ACME' });
    await runMutation(asSystem('test'), 'client.create', { id: allIn, name: 'Vast', code: 'VAST' });
    for (const [clientId, model] of [
      [prepaid, 'prepaid'],
      [allIn, 'all_in'],
    ] as const)
      await runMutation(asSystem('test'), 'contract.set', {
        id: uuidv4(),
        clientId,
        effectiveFrom: '2020-01-01',
        terms: contractTemplate(model),
      });

    const buy = (clientId: string) => ({ id: uuidv4(), clientId, minutes: 600, purchasedOn: '2026-01-02' });
    await expect(runMutation(as('sanne', 'engineer'), 'budget.buy', buy(prepaid))).rejects.toMatchObject({
      code: 'forbidden',
      params: { role: 'lead', action: 'changeBudget' },
    });
    await expect(
      runMutation(as('sanne', 'engineer'), 'budget.adjust', {
        id: uuidv4(),
        clientId: prepaid,
        minutes: 60,
        day: '2026-01-02',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(runMutation(as('lea', 'lead'), 'budget.buy', buy(allIn))).rejects.toMatchObject({
      code: 'conflict',
      key: 'budget.notPrepaid',
    });

    const line = buy(prepaid);
    await runMutation(as('lea', 'lead'), 'budget.buy', line);
    await runMutation(as('lea', 'lead'), 'budget.adjust', {
      id: uuidv4(),
      clientId: prepaid,
      minutes: -30,
      day: '2026-01-03',
      reason: 'Fout',
    });
    // The same id again is refused: a line is never overwritten.
    await expect(runMutation(as('lea', 'lead'), 'budget.buy', { ...line, minutes: 6000 })).rejects.toMatchObject({ code: 'conflict' });
    const rows = await store.db.selectFrom('budget_lines').select(['kind', 'minutes', 'client_id', 'created_by']).orderBy('day').execute();
    expect(rows).toEqual([
      { kind: 'purchase', minutes: 600, client_id: prepaid, created_by: 'lea' },
      { kind: 'adjustment', minutes: -30, client_id: prepaid, created_by: 'lea' },
    ]);
  });
});
