import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatementView } from '../../shared/contract/statement';
import { dispatch } from '../engine/dispatch';
import { openEngine } from '../engine/engine';
import { tempDataDir } from '../testSupport';
import { runVangnet } from './testCli';

let home: string;
beforeEach(() => {
  home = tempDataDir();
});
const vangnet = (...args: string[]) => runVangnet(home, ...args);

async function ok<T>(p: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/** ACME on a prepaid contract with 10 hours bought; support and change-request time in March 2026. */
async function seeded(): Promise<void> {
  const engine = openEngine({ dataDir: home });
  try {
    engine.ensureProfile('Lea');
    const client = await ok<{ id: string }>(dispatch(engine, 'clients.create', { name: 'Acme & Zn', code: 'ACME' }));
    const terms = await ok<object>(dispatch(engine, 'contracts.template', { costModel: 'prepaid' }));
    await ok(dispatch(engine, 'contracts.set', { clientId: client.id, effectiveFrom: '2020-01-01', terms }));
    await ok(dispatch(engine, 'budget.buy', { clientId: client.id, minutes: 600, purchasedOn: '2026-01-05' }));
    const ssl = await ok<{ id: string }>(dispatch(engine, 'incidents.create', { clientId: client.id, title: 'SSL expired', priority: 'P2', category: 'security', openedAt: '2026-03-02T08:00:00Z' }));
    const shop = await ok<{ id: string }>(dispatch(engine, 'incidents.create', { clientId: client.id, title: 'New payment provider', priority: 'P4', category: 'new_functionality', openedAt: '2026-03-02T08:00:00Z' }));
    for (const at of ['2026-03-03T09:00:00Z', '2026-03-04T09:00:00Z', '2026-03-05T09:00:00Z'])
      await ok(dispatch(engine, 'time.log', { incidentId: ssl.id, startedAt: at, minutes: 7 }));
    await ok(dispatch(engine, 'time.log', { incidentId: shop.id, startedAt: '2026-03-06T09:00:00Z', minutes: 100 }));
  } finally {
    engine.close();
  }
}

describe('vangnet statement', () => {
  const tty = process.stdout.isTTY;
  afterEach(() => {
    process.stdout.isTTY = tty;
  });

  it('prints the JSON statement: per ticket raw and rounded, change requests apart, the bundle before and after', async () => {
    await seeded();
    const run = await vangnet('statement', '--client', 'acme', '--month', '2026-03');
    expect([run.code, run.err]).toEqual([0, '']);
    const s = JSON.parse(run.out) as StatementView;
    expect(s.support).toEqual([expect.objectContaining({ title: 'SSL expired', category: 'security', engineers: ['Lea'], rawMinutes: 21, roundedMinutes: 30 })]);
    expect(s.changeRequests).toEqual([expect.objectContaining({ title: 'New payment provider', rawMinutes: 100, roundedMinutes: 105 })]);
    expect(s.prepaid).toMatchObject({ balanceBeforeMinutes: 600, drawnMinutes: 30, balanceAfterMinutes: 570 });
    expect(s.sla.map((r) => r.priority)).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('writes CSV to stdout in Dutch and a PDF to --out; an empty month is an empty statement', async () => {
    await seeded();
    const csv = await vangnet('statement', '--client', 'ACME', '--month', '2026-03', '--format', 'csv', '--lang', 'nl');
    expect(csv.code).toBe(0);
    expect(csv.out.split('\r\n')[0]).toBe('maand,ticket,titel,categorie,soort,engineers,registraties,ruwe_minuten,declarabele_ruwe_minuten,afgeronde_minuten');
    expect(csv.out).toContain(',SSL expired,Beveiliging,support,Lea,3,21,21,30');
    const file = path.join(home, 'acme.pdf');
    const pdf = await vangnet('statement', '--client', 'ACME', '--month', '2026-03', '--format', 'pdf', '--out', file);
    expect(pdf.code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.err).toContain('ACME 2026-03: support 0:21 raw, 0:30 rounded');
    const empty = await vangnet('statement', '--client', 'ACME', '--month', '2025-07');
    expect(JSON.parse(empty.out)).toMatchObject({ empty: true, support: [], prepaid: { balanceBeforeMinutes: 0, balanceAfterMinutes: 0 } });
  });

  it('refuses a PDF to a terminal, bad formats, months and clients, and leaves an existing file whole', async () => {
    await seeded();
    process.stdout.isTTY = true;
    const tty = await vangnet('statement', '--client', 'ACME', '--month', '2026-03', '--format', 'pdf');
    expect([tty.code, tty.out]).toEqual([1, '']);
    expect(tty.err).toContain('give --out FILE');
    process.stdout.isTTY = false;
    expect((await vangnet('statement', '--client', 'ACME', '--month', '2026-03', '--format', 'xls')).err).toContain('--format must be json, csv or pdf');
    expect((await vangnet('statement', '--client', 'ACME', '--month', '2026-3')).err).toContain('month');
    expect((await vangnet('statement', '--client', 'ACME', '--month', '2026-13')).code).toBe(1);
    expect((await vangnet('statement', '--client', 'NOPE', '--month', '2026-03')).err).toContain('Unknown client: NOPE');
    const keep = path.join(home, 'keep.csv');
    fs.writeFileSync(keep, 'precious');
    const bad = await vangnet('statement', '--client', 'ACME', '--month', '2026-13', '--format', 'csv', '--out', keep);
    expect(bad.code).toBe(1);
    expect(fs.readFileSync(keep, 'utf8')).toBe('precious');
    const noDir = await vangnet('statement', '--client', 'ACME', '--month', '2026-03', '--format', 'csv', '--out', path.join(home, 'missing', 'x.csv'));
    expect([noDir.code, noDir.err.split('\n')[0]]).toEqual([1, expect.stringContaining('Cannot write')]);
  });
});
