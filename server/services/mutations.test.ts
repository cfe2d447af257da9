import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import { VangnetError } from '../../shared/errors';
import { writeId } from '../../shared/mutations/define';
import { DIALECTS, serviceOnFreshStore } from '../testSupport';
import { asSystem } from './mutations';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(DIALECTS)('runMutation on %s', (dialect) => {
  const service = () => serviceOnFreshStore(dialect, cleanups);

  it('writes a mutation made by the server itself, booked under its source, and pokes the live sockets', async () => {
    const { store, heard, mutations } = await service();
    const id = uuidv4();
    const writes = await mutations.runMutation(asSystem('escalation'), 'client.create', {
      id,
      name: 'Acme',
      code: 'ACME',
    });
    expect(writes.map((w) => [w.op, w.table, writeId(w)])).toEqual([['insert', 'clients', id]]);
    const audit = await store.db.selectFrom('audit').selectAll().execute();
    expect(audit.map((a) => [a.actor_id, a.device_id, a.client_id, Number(a.mutation_id), a.entity_id])).toEqual([
      ['system', 'server', 'server-escalation', 0, id],
    ]);
    const head = Number((await store.db.selectFrom('sync_state').select('head_seq').executeTakeFirstOrThrow()).head_seq);
    expect(head).toBe(2); // the client row and its audit entry
    await expect.poll(() => heard).toEqual([head]);
  });

  it('names a system source only by a short lowercase word, so its client id stays apart from laptops and REST', () => {
    expect(asSystem('monitoring')).toMatchObject({ kind: 'server', actor: { id: 'system', kind: 'system' }, source: 'monitoring' });
    for (const bad of ['', 'Monitoring', 'a b', 'x'.repeat(40), '../x']) expect(() => asSystem(bad)).toThrow(/source/);
  });

  it('throws a refusal with nothing written and nobody poked', async () => {
    const { store, heard, mutations } = await service();
    const acting = asSystem('escalation');
    await mutations.runMutation(acting, 'client.create', { id: uuidv4(), name: 'Acme', code: 'ACME' });
    const refused = mutations.runMutation(acting, 'client.create', { id: uuidv4(), name: 'Other', code: 'ACME' });
    await expect(refused).rejects.toBeInstanceOf(VangnetError);
    await expect(refused).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.db.selectFrom('clients').select('name').execute()).toEqual([{ name: 'Acme' }]);
    expect(await store.db.selectFrom('audit').select('id').execute()).toHaveLength(1);
    await expect.poll(() => heard).toHaveLength(1);
  });
});
