import { beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../testSupport';
import { runVangnet } from './testCli';

let home: string;
beforeEach(() => {
  home = tempDataDir();
});
const vangnet = (...args: string[]) => runVangnet(home, ...args);

async function newIncident(title: string): Promise<{ id: string; scopeHint: unknown }> {
  const made = await vangnet('--json', 'incident', 'create', '--client', 'ACME', '--title', title, '--priority', 'p3');
  expect(made.code, made.err).toBe(0);
  return JSON.parse(made.out) as { id: string; scopeHint: unknown };
}

describe('vangnet incident convert and vangnet change-request', () => {
  it('hints the other scope on create, converts, estimates, quotes, sends and lists', async () => {
    expect((await vangnet('client', 'add', '--name', 'Acme', '--code', 'ACME')).code).toBe(0);
    // The hint is a suggestion: on stderr (or `scopeHint` in the JSON), the incident stays support.
    const hinted = await vangnet('incident', 'new', '--client', 'ACME', '--title', 'Nieuwe koppeling met Exact', '--priority', 'P4');
    expect(hinted.code).toBe(0);
    expect(hinted.err).toMatch(/^hint: Probably new development \(a change request\): mentions koppeling; `vangnet incident convert \S+ --to change-request` if so\n$/);
    const wish = await newIncident('Extra koppeling naar het CRM');
    expect(wish.scopeHint).toMatchObject({ suggestion: 'change_request', key: 'billing.scope.changeRequest', params: { terms: 'koppeling' } });
    expect((await newIncident('SSL-certificaat verlopen')).scopeHint).toBeNull();
    expect((await vangnet('incident', 'new', '--client', 'ACME', '--title', 'Website traag', '--priority', 'P2')).err).toBe('');

    expect((await vangnet('--json', 'change-request', 'list')).out).toBe('[]\n');
    const converted = await vangnet('incident', 'convert', wish.id, '--to', 'change-request');
    expect(converted.out).toBe(`Incident ${wish.id} is a change request: draft, estimate none, quote none\n`);
    const unsent = await vangnet('change-request', 'set-status', wish.id, 'sent');
    expect([unsent.code, unsent.err]).toEqual([1, 'error: A change request needs an estimate (more than 0 hours) before its quote is sent\n  estimateMinutes: is required\n']);
    expect((await vangnet('change-request', 'update', wish.id, '--estimate', '8', '--quote', '1250.50')).out).toMatch(/draft, estimate 8:00 h, quote € 1250.50/);
    expect((await vangnet('change-request', 'set-status', wish.id, 'sent')).out).toMatch(/is a change request: sent/);
    const list = JSON.parse((await vangnet('--json', 'change-request', 'list')).out) as unknown[];
    expect(list).toEqual([expect.objectContaining({ id: wish.id, title: 'Extra koppeling naar het CRM', status: 'sent', estimateMinutes: 480, quoteCents: 125_050 })]);
    expect((await vangnet('change-request', 'list', '--status', 'draft')).out).toMatch(/^\(none\)/);
    expect((await vangnet('change-request', 'list', '--client', 'ACME')).out).toMatch(/sent +Extra koppeling naar het CRM +8:00 h +€ 1250.50/);
    // Sent: only a lead takes it back to draft before the ticket returns to support.
    expect((await vangnet('incident', 'convert', wish.id, '--to', 'support', '--category', 'bugfix')).err).toMatch(/sent or decided/);
  });

  it('says clearly what is wrong, and changes nothing', async () => {
    await vangnet('client', 'add', '--name', 'Acme', '--code', 'ACME');
    const { id } = await newIncident('Chatmodule toevoegen');
    expect((await vangnet('incident', 'convert', id, '--to', 'feature')).err).toBe('error: --to must be change-request or support, got feature\n');
    expect((await vangnet('incident', 'convert', id, '--to', 'support')).err).toMatch(/needs --category, one of: monitoring, security/);
    expect((await vangnet('incident', 'convert', id, '--to', 'support', '--category', 'bugfix')).err).toMatch(/is not a change request/);
    await vangnet('incident', 'convert', id, '--to', 'change-request');
    expect((await vangnet('change-request', 'update', id)).err).toBe('error: Nothing to change: give --estimate or --quote\n');
    expect((await vangnet('change-request', 'update', id, '--quote', '12,50')).err).toMatch(/--quote must be an amount in euro/);
    expect((await vangnet('change-request', 'update', id, '--estimate', 'lots')).err).toMatch(/--estimate must be a number of hours/);
    expect((await vangnet('change-request', 'set-status', id, 'done')).err).toMatch(/must be draft, sent, accepted or rejected, got done/);
    expect((await vangnet('change-request', 'set-status', '0190a5a8-0000-7000-8000-000000000000', 'sent')).err).toMatch(/has no change request/);
    expect(JSON.parse((await vangnet('--json', 'change-request', 'list')).out)).toEqual([
      expect.objectContaining({ id, status: 'draft', estimateMinutes: null, quoteCents: null }),
    ]);
  });

  it('refuses a manual entry over 24 hours without --confirm-long, and one in the future, with what to do instead', async () => {
    await vangnet('client', 'add', '--name', 'Acme', '--code', 'ACME');
    const long = await vangnet('time', 'log', '--client', 'ACME', '--minutes', '1500');
    expect([long.code, long.err]).toEqual([
      1,
      'error: An entry logged by hand over 24 hours (1500 minutes given) needs --confirm-long that it really lasted that long (at most a week)\n',
    ]);
    expect((await vangnet('time', 'log', '--client', 'ACME', '--minutes', '10081', '--confirm-long')).err).toMatch(/^error: /);
    const future = await vangnet('time', 'log', '--client', 'ACME', '--minutes', '60', '--at', '2999-01-01T00:00:00Z');
    expect(future.err).toMatch(/^error: The time 2999-01-01T01:00:00.000Z lies in the future\n/);
    expect(JSON.parse((await vangnet('--json', 'time', 'list')).out)).toMatchObject({ entries: [] });
    const confirmed = await vangnet('--json', 'time', 'log', '--client', 'ACME', '--minutes', '1500', '--confirm-long');
    expect(confirmed.code).toBe(0);
    expect(JSON.parse(confirmed.out)).toMatchObject({ entry: { minutes: 1500 } });
  });
});
