import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentPage } from '../../shared/contract';
import type { Engine } from './engine';
import { callEngine, testEngine } from '../testSupport';

let engine: Engine | undefined;
afterEach(() => engine?.close());

/** The incident list's scope filter (docs/billing.md, "Change requests"): change requests, or support. */
describe('incidents.list by scope', () => {
  it('lists only change requests, or only support (any other category, or none)', async () => {
    engine = testEngine().engine;
    const call = <T>(name: string, args: unknown) => callEngine<T>(engine!, name, args);
    const client = await call<{ id: string }>('clients.create', { name: 'Bakkerij de Vries', code: 'BAKK' });
    const make = (title: string) => call<{ id: string }>('incidents.create', { clientId: client.id, title, priority: 'P3' });
    const [feature, bug, plain] = [await make('Koppeling met Exact'), await make('Foutmelding'), await make('Vraag')];
    await call('changeRequests.convert', { id: feature.id });
    await call('incidents.setCategory', { id: bug.id, category: 'bugfix' });
    const titles = async (scope?: string) =>
      (await call<IncidentPage>('incidents.list', scope ? { scope, sort: 'opened' } : { sort: 'opened' })).rows.map((r) => r.title).sort();
    expect(await titles('change_request')).toEqual(['Koppeling met Exact']);
    expect(await titles('support')).toEqual(['Foutmelding', 'Vraag']);
    expect(await titles()).toHaveLength(3);
    expect(plain.id).toBeTruthy();
  });
});
