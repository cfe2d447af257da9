import { beforeEach, describe, expect, it } from 'vitest';
import type { BundlingSavingsView } from '../../shared/contract/bundling';
import { contractTemplate } from '../../shared/domain/contract';
import { dispatch } from '../engine/dispatch';
import { openEngine } from '../engine/engine';
import { tempDataDir } from '../testSupport';
import { runVangnet } from './testCli';

let home: string;
beforeEach(() => {
  home = tempDataDir();
});
const vangnet = (...args: string[]) => runVangnet(home, ...args);

/** Client ACME (15-minute increment) with three 7-minute tickets today, and client ANDER with one ticket. */
async function seeded(): Promise<{ tickets: string[]; elsewhere: string }> {
  const engine = openEngine({ dataDir: home });
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await dispatch(engine, name, args);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  try {
    engine.ensureProfile('Lea');
    const acme = await call<{ id: string }>('clients.create', { name: 'Acme', code: 'ACME' });
    const other = await call<{ id: string }>('clients.create', { name: 'Ander', code: 'ANDER' });
    await call('contracts.set', { clientId: acme.id, effectiveFrom: '2020-01-01', terms: { ...contractTemplate('prepaid'), billingIncrementMinutes: 15 } });
    const tickets: string[] = [];
    for (const [i, title] of ['Wachtwoord', 'Logo', 'Menu'].entries()) {
      const t = await call<{ id: string }>('incidents.create', { clientId: acme.id, title, priority: 'P4' });
      tickets.push(t.id);
      await call('time.log', { incidentId: t.id, startedAt: new Date(Date.now() - (90 - i * 20) * 60_000).toISOString(), minutes: 7 });
    }
    const elsewhere = await call<{ id: string }>('incidents.create', { clientId: other.id, title: 'Elders', priority: 'P4' });
    return { tickets, elsewhere: elsewhere.id };
  } finally {
    engine.close();
  }
}

describe('vangnet incident merge and bundle-suggest', () => {
  it('suggests, merges, and then has nothing left to suggest', async () => {
    const { tickets } = await seeded();
    const text = await vangnet('incident', 'bundle-suggest', '--client', 'acme');
    // Near the start of a month the entries may fall in the previous one: ask that month then.
    const month = new Date(Date.now() - 90 * 60_000).toISOString().slice(0, 7);
    const shown = text.out.includes('nothing to bundle') ? await vangnet('incident', 'bundle-suggest', '--client', 'ACME', '--month', month) : text;
    expect([shown.code, shown.err]).toEqual([0, '']);
    expect(shown.out).toMatch(/Bills 30 min together instead of 45 apart \(saves 15\)/);
    expect(shown.out).toContain(`vangnet incident merge ${tickets[0]} ${tickets[1]} ${tickets[2]}`);
    const json = JSON.parse((await vangnet('--json', 'incident', 'bundle-suggest', '--client', 'ACME', '--month', month)).out) as BundlingSavingsView;
    expect(json).toMatchObject({ savedMinutes: 15, survivorId: tickets[0] });

    const merged = await vangnet('incident', 'merge', tickets[0]!, tickets[1]!, tickets[2]!, '--reason', 'Kleine vragen');
    expect([merged.code, merged.err, merged.out]).toEqual([0, '', `Merged 2 ticket(s) into ${tickets[0]} (Wachtwoord)\n`]);
    const after = await vangnet('--json', 'incident', 'bundle-suggest', '--client', 'ACME', '--month', month);
    expect(after.out.trim()).toBe('null');
  });

  it('says clearly what is refused and changes nothing', async () => {
    const { tickets, elsewhere } = await seeded();
    const other = await vangnet('incident', 'merge', tickets[0]!, elsewhere);
    expect(other.code).not.toBe(0);
    expect(other.err).toMatch(/belongs to another client than “Wachtwoord”/);
    const self = await vangnet('incident', 'merge', tickets[0]!, tickets[0]!);
    expect(self.err).toMatch(/must not name the ticket merged into/);
    const unknown = await vangnet('incident', 'bundle-suggest', '--client', 'NOPE');
    expect(unknown.err).toMatch(/Unknown client: NOPE/);
    await vangnet('incident', 'merge', tickets[0]!, tickets[1]!);
    expect((await vangnet('incident', 'merge', tickets[2]!, tickets[1]!)).err).toMatch(/“Logo” was already merged/);
  });
});
