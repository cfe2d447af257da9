import { beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../testSupport';
import { runVangnet } from './testCli';

let home: string;

beforeEach(() => {
  home = tempDataDir();
});

const vangnet = (...args: string[]) => runVangnet(home, ...args);

describe('vangnet CLI', () => {
  it('adds and lists clients, as text and as JSON', async () => {
    const added = await vangnet('client', 'add', '--name', 'Bakkerij de Vries', '--code', 'bakk', '--json');
    expect(added.code).toBe(0);
    const client = JSON.parse(added.out);
    expect(client).toMatchObject({ name: 'Bakkerij de Vries', code: 'BAKK' });
    expect(client.id).toMatch(/^[0-9a-f-]{36}$/);
    const list = await vangnet('--json', 'client', 'list');
    expect(JSON.parse(list.out)).toEqual([expect.objectContaining({ id: client.id, openIncidents: 0 })]);
    const text = await vangnet('client', 'list');
    expect(text.out).toMatch(/BAKK\s+Bakkerij de Vries\s+0/);
  });

  it('logs, updates, lists and shows incidents', async () => {
    await vangnet('client', 'add', '--name', 'Zorgplein', '--code', 'ZORG');
    const created = await vangnet('incident', 'new', '--client', 'zorg', '--title', 'Website traag', '--priority', 'p2', '--json');
    expect(created.code).toBe(0);
    const incident = JSON.parse(created.out);
    expect(incident).toMatchObject({ title: 'Website traag', priority: 'P2', status: 'new', clientCode: 'ZORG' });
    const updated = await vangnet('incident', 'update', incident.id, '--priority', 'P1', '--title', 'Website plat', '--json');
    expect(JSON.parse(updated.out)).toMatchObject({ id: incident.id, priority: 'P1', title: 'Website plat' });
    const list = JSON.parse((await vangnet('incident', 'list', '--json')).out);
    expect(list).toEqual([
      expect.objectContaining({ id: incident.id, title: 'Website plat', priority: 'P1', status: 'new', clientId: incident.clientId }),
    ]);
    const shown = await vangnet('incident', 'show', incident.id);
    expect(shown.out).toContain('P1  Website plat');
  });

  it('fails with a message on stderr and a non-zero exit, changing nothing', async () => {
    await vangnet('client', 'add', '--name', 'Zorgplein', '--code', 'ZORG');
    const cases = [
      ['incident', 'new', '--client', 'ZORG', '--title', 'x', '--priority', 'P9'],
      ['incident', 'new', '--client', 'ZORG', '--title', '', '--priority', 'P1'],
      ['incident', 'new', '--client', 'NOPE', '--title', 'x', '--priority', 'P1'],
      ['incident', 'new', '--client', 'ZORG', '--title', 'x'.repeat(1_000_000), '--priority', 'P1'],
      ['incident', 'update', '0190a5a8-0000-7000-8000-000000000000', '--title', 'x'],
      ['incident', 'show', 'nonsense'],
      ['client', 'add', '--name', 'Other', '--code', 'ZORG'],
      ['incident', 'new', '--client', 'ZORG', '--title', 'Website \ud800 plat', '--priority', 'P1'],
      ['client', 'add', '--name', 'Bakkerij \udfff'],
    ];
    for (const args of cases) {
      const result = await vangnet(...args);
      expect(result.code, args.join(' ').slice(0, 80)).not.toBe(0);
      expect(result.err).toMatch(/^error: /);
      expect(result.out).toBe('');
    }
    expect(JSON.parse((await vangnet('incident', 'list', '--json')).out)).toEqual([]);
  });

  it('exits 2 on usage errors', async () => {
    expect((await vangnet('incident', 'new')).code).toBe(2);
    expect((await vangnet('frobnicate')).code).toBe(2);
  });

  it('seeds a realistic demo store once', async () => {
    const seeded = await vangnet('demo', 'seed', '--clients', '5', '--incidents', '40', '--json');
    expect(JSON.parse(seeded.out)).toMatchObject({ clients: 5, incidents: 40, bundlePurchases: 1 });
    expect(JSON.parse(seeded.out).timeEntries).toBeGreaterThan(20);
    expect(JSON.parse((await vangnet('client', 'list', '--json')).out)).toHaveLength(5);
    const again = await vangnet('demo', 'seed');
    expect(again.code).toBe(1);
    expect(again.err).toContain('already holds clients');
  });
});

describe('vangnet contracts and the lifecycle', () => {
  it('sets a contract from a file, answers what-if questions, and moves an incident along', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    await vangnet('client', 'add', '--name', 'Zorgplein', '--code', 'ZORG');
    const template = await vangnet('contract', 'template', '--cost-model', 'subscription');
    const file = path.join(home, 'contract.json');
    fs.writeFileSync(file, template.out);
    const set = await vangnet('contract', 'set', '--client', 'ZORG', '--file', file, '--from', '2025-01-01', '--json');
    expect(JSON.parse(set.out)).toMatchObject({ effectiveFrom: '2025-01-01', terms: { costModel: 'subscription' } });
    // The agency's holiday calendar, imported twice: the second time adds nothing.
    const ics = path.resolve(import.meta.dirname, '../../test/fixtures/ical/closures-2026.ics');
    const once = await vangnet('contract', 'set', '--client', 'ZORG', '--file', file, '--from', '2025-02-01', '--ical', ics, '--json');
    expect(once.code).toBe(0);
    const withIcal = JSON.parse(once.out) as { terms: { closures: unknown[] } };
    expect(withIcal.terms.closures.length).toBeGreaterThan(0);
    fs.writeFileSync(file, JSON.stringify(withIcal.terms));
    const twice = await vangnet('contract', 'set', '--client', 'ZORG', '--file', file, '--from', '2025-03-01', '--ical', ics, '--json');
    expect((JSON.parse(twice.out) as { terms: { closures: unknown[] } }).terms.closures).toEqual(withIcal.terms.closures);
    expect(twice.err).toMatch(/already in the contract, left out/);
    fs.writeFileSync(file, template.out);
    const whatIf = await vangnet(
      'sla',
      'what-if',
      '--contract',
      file,
      '--priority',
      'P2',
      '--opened',
      '2025-12-19T16:55:00+01:00',
      '--pause',
      '2025-12-22T09:00:00+01:00/2025-12-22T11:10:00+01:00',
      '--json',
    );
    expect(JSON.parse(whatIf.out)).toEqual({ responseDueAt: '2025-12-22T08:55:00.000Z', resolutionDueAt: '2025-12-24T09:05:00.000Z' });
    const whatIfArgs = ['sla', 'what-if', '--contract', file, '--priority', 'P2', '--opened', '2025-12-19T16:55:00+01:00'];
    expect((await vangnet(...whatIfArgs)).out).toMatch(
      /^Response: {3}due Mon 22 Dec 09:55 — .* business hours from Fri 19 Dec 16:55; skips the weekend/,
    );
    const dutch = (await vangnet(...whatIfArgs, '--lang', 'nl')).out;
    expect(dutch).toMatch(/^Response: {3}uiterlijk ma 22 dec 09:55 — .* kantooruren vanaf vr 19 dec 16:55; slaat het weekend over/);
    expect(dutch).not.toMatch(/business|skips|\{\{/);
    const incident = JSON.parse(
      (await vangnet('incident', 'new', '--client', 'ZORG', '--title', 'Traag', '--priority', 'P2', '--json')).out,
    );
    expect(JSON.parse((await vangnet('incident', 'ack', incident.id, '--json')).out)).toMatchObject({
      status: 'acknowledged',
      sla: { response: { state: 'met' } },
    });
    const refused = await vangnet('incident', 'status', incident.id, 'closed');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('cannot become closed');
    const early = await vangnet('incident', 'status', incident.id, 'in_progress', '--at', '2000-01-01T00:00:00Z');
    expect(early.err).toContain('before the incident was opened');
    fs.writeFileSync(file, '{"costModel": "weekly"}');
    const bad = await vangnet('contract', 'set', '--client', 'ZORG', '--file', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('costModel');
    expect(JSON.parse((await vangnet('contract', 'show', '--client', 'ZORG', '--json')).out).history).toHaveLength(3);
  });
});
