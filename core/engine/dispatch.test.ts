import { v4 as uuidv4 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { contract } from '../../shared/contract';
import { CALL_NAMES } from '../../shared/contract';
import { contractTemplate } from '../../shared/domain/contract';
import { openEngine } from './engine';
import { tempDataDir, testEngine } from '../testSupport';
import { dispatch } from './dispatch';
import type { Engine } from './engine';

let engine: Engine;
afterEach(() => engine?.close());

function count(table: string): number {
  return (engine.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('the contract at the engine boundary', () => {
  it('has a handler for every call it declares', () => {
    ({ engine } = testEngine());
    for (const name of CALL_NAMES) {
      const [group, method] = name.split('.') as [keyof typeof contract, string];
      expect(typeof (engine.handlers[group] as Record<string, unknown>)[method], name).toBe('function');
    }
  });

  it('creates a client and an incident and lists it', async () => {
    ({ engine } = testEngine());
    const client = await dispatch(engine, 'clients.create', { name: 'Zorgplein Online' });
    expect(client).toMatchObject({ ok: true, value: { name: 'Zorgplein Online', code: 'ZORGPLEIO' } });
    const clientId = (client as { value: { id: string } }).value.id;
    const created = await dispatch(engine, 'incidents.create', { clientId, title: 'Website traag', priority: 'P2' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Website traag', status: 'new', clientCode: 'ZORGPLEIO' } });
    const page = await dispatch(engine, 'incidents.list', {});
    expect(page).toMatchObject({ ok: true, value: { total: 1, rows: [{ title: 'Website traag' }] } });
  });

  it('answers malformed calls with errors, never a crash, and writes nothing', async () => {
    ({ engine } = testEngine());
    const client = (await dispatch(engine, 'clients.create', { name: 'A' })) as { ok: true; value: { id: string } };
    const clientId = client.value.id;
    const before = count('incidents') + count('outbox') + count('contracts');
    const cases: [string, unknown, string][] = [
      ['nope.nothing', {}, 'unknown_call'],
      ['incidents', {}, 'unknown_call'],
      ['__proto__.constructor', {}, 'unknown_call'],
      ['incidents.create', { clientId, title: 'x', priority: 'P7' }, 'invalid_args'],
      ['incidents.create', { clientId, title: '   ', priority: 'P1' }, 'invalid_args'],
      ['incidents.create', { clientId, title: 'x'.repeat(1_000_000), priority: 'P1' }, 'invalid_args'],
      ['incidents.create', { clientId: uuidv4(), title: 'x', priority: 'P1' }, 'not_found'],
      ['incidents.create', { clientId: 'not-a-uuid', title: 'x', priority: 'P1' }, 'invalid_args'],
      ['incidents.create', 'a string', 'invalid_args'],
      ['incidents.update', { id: uuidv4() }, 'invalid_args'],
      ['incidents.update', { id: uuidv4(), title: 'x' }, 'not_found'],
      ['incidents.list', { limit: 1_000_000 }, 'invalid_args'],
      ['app.info', { extra: true }, 'invalid_args'],
      // Ill-formed text (a lone UTF-16 surrogate) in a text field, and deep in a contract's closures.
      ['incidents.create', { clientId, title: 'Website \ud800 plat', priority: 'P1' }, 'invalid_args'],
      ['clients.create', { name: '\udc00Bakkerij' }, 'invalid_args'],
      [
        'contracts.set',
        { clientId, terms: { ...contractTemplate('prepaid'), closures: [{ kind: 'days', from: '2026-12-24', to: '2026-12-24', label: '\ud800' }] } },
        'invalid_args',
      ],
    ];
    for (const [name, args, code] of cases) {
      const result = await dispatch(engine, name, args);
      expect(result.ok, name).toBe(false);
      if (!result.ok) {
        expect(result.error.code, `${name} ${JSON.stringify(args).slice(0, 60)}`).toBe(code);
        expect(result.error.message.length).toBeLessThan(500);
      }
    }
    expect(count('incidents') + count('outbox') + count('contracts')).toBe(before);
  });

  it('names the bad fields', async () => {
    ({ engine } = testEngine());
    const result = await dispatch(engine, 'incidents.create', { clientId: uuidv4(), title: '', priority: 'P0' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['priority', 'title']);
  });

  it('answers with message keys and issue codes the fronts translate, the English text beside them', async () => {
    ({ engine } = testEngine());
    const bad = await dispatch(engine, 'incidents.create', { clientId: 'acme', title: 'x', priority: 'P1' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_args', key: 'call.invalid', issues: [{ path: 'clientId', code: 'format.uuid', message: 'must be a UUID' }] },
    });
    const id = uuidv4();
    const unknown = await dispatch(engine, 'incidents.get', { id });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', key: 'incident.unknown', params: { id }, message: `Unknown incident ${id}` } });
    await dispatch(engine, 'clients.create', { name: 'Acme', code: 'ACME' });
    const taken = await dispatch(engine, 'clients.create', { name: 'Acme Two', code: 'ACME' });
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', issues: [{ path: 'code', code: 'taken', params: { by: 'Acme' } }] } });
  });

  it('shows a SQLite failure only as `internal` with a reference to the log, never its own words', async () => {
    ({ engine } = testEngine());
    // A forced failure inside SQLite: a trigger refuses every new client with words no person should read.
    engine.db.exec("CREATE TRIGGER boom BEFORE INSERT ON clients BEGIN SELECT RAISE(ABORT, 'SQLITE secret table detail'); END");
    const result = await dispatch(engine, 'clients.create', { name: 'A' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({ code: 'internal', key: 'internal', params: { ref: expect.stringMatching(/^[0-9a-f]{8}$/) }, message: expect.any(String) });
    expect(JSON.stringify(result.error)).not.toMatch(/SQLITE|secret/);
    expect(count('clients')).toBe(0);
  });

  it('refuses changes until the engineer has a profile, then stamps them with it', async () => {
    engine = openEngine({ dataDir: tempDataDir() });
    expect(await dispatch(engine, 'profile.get', {})).toEqual({ ok: true, value: null });
    const refused = await dispatch(engine, 'clients.create', { name: 'A' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_ready' } });
    const profile = await dispatch(engine, 'profile.set', { name: 'Sanne de Boer' });
    expect(profile).toMatchObject({ ok: true, value: { name: 'Sanne de Boer' } });
    await dispatch(engine, 'clients.create', { name: 'A' });
    expect(engine.db.prepare('SELECT actor_name FROM audit').get()).toEqual({ actor_name: 'Sanne de Boer' });
  });

  it('pushes data.changed after a committed change', async () => {
    ({ engine } = testEngine());
    const seen: unknown[] = [];
    engine.subscribe((name, payload) => seen.push([name, payload]));
    await dispatch(engine, 'clients.create', { name: 'A' });
    await dispatch(engine, 'clients.create', { name: '' });
    expect(seen).toEqual([['data.changed', { tables: ['clients'] }]]);
  });
});
