import { beforeEach, describe, expect, it } from 'vitest';
import type { BudgetView } from '../../shared/contract/budget';
import { dispatch } from '../engine/dispatch';
import { openEngine } from '../engine/engine';
import { tempDataDir } from '../testSupport';
import { minutesOfHours } from './budgetCommands';
import { runVangnet } from './testCli';

let home: string;

beforeEach(() => {
  home = tempDataDir();
});

const vangnet = (...args: string[]) => runVangnet(home, ...args);

/** Clients ACME (prepaid) and VAST (all-in), made through the engine. */
async function seeded(): Promise<void> {
  const engine = openEngine({ dataDir: home });
  try {
    engine.ensureProfile('Lea');
    for (const [name, code, costModel] of [
      ['Acme', 'ACME', 'prepaid'],
      ['Vast', 'VAST', 'all_in'],
    ] as const) {
      const client = await dispatch(engine, 'clients.create', { name, code });
      if (!client.ok) throw new Error(client.error.message);
      const template = await dispatch(engine, 'contracts.template', { costModel });
      if (!template.ok) throw new Error(template.error.message);
      await dispatch(engine, 'contracts.set', {
        clientId: (client.value as { id: string }).id,
        effectiveFrom: '2020-01-01',
        terms: template.value,
      });
    }
  } finally {
    engine.close();
  }
}

describe('vangnet budget', () => {
  it('buys, adjusts and shows the same numbers as the contract call, in text and JSON', async () => {
    await seeded();
    const bought = await vangnet(
      'budget',
      'buy',
      'acme',
      '--hours',
      '10',
      '--on',
      '2026-01-05',
      '--valid-through',
      '2099-12-31',
      '--note',
      'PO-17',
    );
    expect([bought.code, bought.err]).toEqual([0, '']);
    expect(bought.out).toMatch(
      /^acme: prepaid bundle as of \d{4}-\d{2}-\d{2}\nBalance 10:00 hours: purchased 10:00, drawn 0:00, expired 0:00\n/,
    );
    expect((await vangnet('budget', 'adjust', 'ACME', '--hours', '-1.5', '--reason', 'Dubbel', '--on', '2026-01-06')).code).toBe(0);
    const shown = await vangnet('budget', 'show', 'ACME');
    expect(shown.out).toMatch(/Balance 8:30 hours/);
    expect(shown.out).toMatch(/2026-01-05 +2099-12-31 +10:00 +1:30 +0:00 +8:30 +open/);
    expect(shown.out).toMatch(/Adjustments:\n2026-01-06 -1:30 — Dubbel/);
    const json = JSON.parse((await vangnet('budget', 'show', 'ACME', '--json')).out) as BudgetView;
    expect(json).toMatchObject({ prepaid: true, purchasedMinutes: 600, drawnMinutes: 90, balanceMinutes: 510 });
    expect(json.lines.map((l) => [l.kind, l.minutes, l.note])).toEqual([
      ['purchase', 600, 'PO-17'],
      ['adjustment', -90, 'Dubbel'],
    ]);
    const before = JSON.parse((await vangnet('--json', 'budget', 'show', 'ACME', '--as-of', '2026-01-05')).out) as BudgetView;
    expect(before.balanceMinutes).toBe(600);
  });

  it('says clearly what is wrong and saves nothing', async () => {
    await seeded();
    for (const hours of ['abc', '1/2', '0.01', '1e3', ''])
      expect((await vangnet('budget', 'buy', 'ACME', '--hours', hours)).err, hours).toMatch(/--hours must be a number of hours/);
    expect((await vangnet('budget', 'buy', 'ACME', '--hours', '0')).err).toMatch(/minutes/);
    expect((await vangnet('budget', 'buy', 'VAST', '--hours', '5')).err).toMatch(/Vast has no prepaid contract in force/);
    expect((await vangnet('budget', 'buy', 'NOPE', '--hours', '5')).err).toMatch(/Unknown client: NOPE/);
    expect((await vangnet('budget', 'buy', 'ACME', '--hours', '5', '--on', '2026-03-01', '--valid-through', '2026-02-01')).code).toBe(1);
    expect((await vangnet('budget', 'adjust', 'ACME', '--hours', '-1', '--reason', ' ')).err).toMatch(/reason/);
    const json = JSON.parse((await vangnet('--json', 'budget', 'show', 'ACME')).out) as BudgetView;
    expect(json.lines).toEqual([]);
  });

  it('reads hours as whole minutes', () => {
    expect([minutesOfHours('10'), minutesOfHours('1.5'), minutesOfHours('0.25'), minutesOfHours(' 2 ')]).toEqual([600, 90, 15, 120]);
    for (const bad of ['-1', '0.01', 'NaN', '1,5']) expect(() => minutesOfHours(bad), bad).toThrow();
  });

  it('shows a month of an all-in client, refuses a bad month, and shows the notified thresholds', async () => {
    await seeded();
    const month = await vangnet('budget', 'month', '--client', 'VAST', '--month', '2026-02');
    expect(month.code).toBe(0);
    expect(month.out).toContain('VAST: 2026-02, all_in');
    const json = JSON.parse((await vangnet('budget', 'month', '--client', 'VAST', '--month', '2026-02', '--json')).out) as { costModel: string };
    expect(json.costModel).toBe('all_in');
    const bad = await vangnet('budget', 'month', '--client', 'VAST', '--month', '2026-13');
    expect(bad.code).not.toBe(0);
    const show = await vangnet('budget', 'show', 'ACME');
    expect(show.out).toContain('notified: none');
  });
});
