import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../engine/dispatch';
import { openEngine } from '../engine/engine';
import { tempDataDir } from '../testSupport';
import { runVangnet } from './testCli';

let home: string;

beforeEach(() => {
  home = tempDataDir();
});

const vangnet = (...args: string[]) => runVangnet(home, ...args);

/** A client ACME with a contract (15-minute increment) and one incident, made through the engine. */
async function seeded(overrunPolicy?: 'warn' | 'block'): Promise<{ incidentId: string }> {
  const engine = openEngine({ dataDir: home });
  try {
    engine.ensureProfile('Sanne');
    const client = await dispatch(engine, 'clients.create', { name: 'Acme', code: 'ACME' });
    if (!client.ok) throw new Error(client.error.message);
    const clientId = (client.value as { id: string }).id;
    const template = await dispatch(engine, 'contracts.template', { costModel: 'prepaid' });
    if (!template.ok) throw new Error(template.error.message);
    const terms = overrunPolicy ? { ...(template.value as object), prepaid: { overrunPolicy } } : template.value;
    await dispatch(engine, 'contracts.set', { clientId, effectiveFrom: '2020-01-01', terms });
    const incident = await dispatch(engine, 'incidents.create', { clientId, title: 'Site traag', priority: 'P3' });
    if (!incident.ok) throw new Error(incident.error.message);
    return { incidentId: (incident.value as { id: string }).id };
  } finally {
    engine.close();
  }
}

describe('vangnet timer', () => {
  it('starts on an incident, shows the status, switches to a client and stops with a note', async () => {
    const { incidentId } = await seeded();
    const started = await vangnet('--json', 'timer', 'start', incidentId);
    expect(started.code).toBe(0);
    const first = JSON.parse(started.out) as { id: string; incidentId: string; endedAt: null };
    expect(first).toMatchObject({ incidentId, endedAt: null });
    const status = await vangnet('timer', 'status', '--json');
    expect(JSON.parse(status.out)).toMatchObject({ running: { id: first.id }, question: null });
    const onClient = await vangnet('timer', 'start', '--client', 'acme', '--note', 'overleg');
    expect(onClient.out).toMatch(/^Started 0:00 on client .* — overleg/);
    const stopped = await vangnet('timer', 'stop', '--note', 'klaar');
    expect(stopped.code).toBe(0);
    expect(stopped.out).toMatch(/^Stopped .* — klaar/);
    expect((await vangnet('timer', 'status')).out).toMatch(/No timer is running/);
  });

  it('says clearly what is wrong', async () => {
    await seeded();
    const none = await vangnet('timer', 'start');
    expect([none.code, none.err]).toEqual([1, 'error: Give an incident id or --client CODE\n']);
    const unknown = await vangnet('timer', 'start', '--client', 'NOPE');
    expect(unknown.err).toMatch(/Unknown client: NOPE/);
    const badId = await vangnet('timer', 'start', 'not-an-id');
    expect(badId.code).toBe(1);
    expect(badId.err).toMatch(/incidentId/);
    const stop = await vangnet('timer', 'stop');
    expect([stop.code, stop.err]).toEqual([1, 'error: No timer is running\n']);
  });
});

describe('vangnet timer start on a used-up prepaid bundle (no hours bought)', () => {
  it('warns on stderr under the warn policy, and still starts; --json stays one object with the overrun', async () => {
    const { incidentId } = await seeded('warn');
    const started = await vangnet('timer', 'start', incidentId);
    expect(started.code).toBe(0);
    expect(started.out).toMatch(/^Started 0:00 on incident/);
    expect(started.err).toMatch(/^warning: The prepaid bundle is used up \(0:00 hours over\); time logged now is overrun\n$/);
    const json = await vangnet('--json', 'timer', 'start', '--client', 'ACME');
    expect(JSON.parse(json.out)).toMatchObject({ overrun: { kind: 'warn', key: 'billing.overrun.warn' } });
  });

  it('refuses under the block policy with a hint about --override, which a lead (here: the unpaired admin) may use', async () => {
    const { incidentId } = await seeded('block');
    const refused = await vangnet('timer', 'start', incidentId);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: The prepaid bundle is used up .*a lead overrides\n {2}hint: a lead or admin may start it anyway with --override/);
    expect((await vangnet('timer', 'status')).out).toMatch(/No timer is running/);
    const overridden = await vangnet('timer', 'start', incidentId, '--override');
    expect(overridden.code).toBe(0);
    expect(overridden.err).toMatch(/^note: Sanne overrode the blocked prepaid bundle of Acme/);
    expect((await vangnet('timer', 'status')).out).toMatch(/^Running: /);
  });
});

describe('vangnet time', () => {
  it('logs entries, warns of an overlap, and lists a month with rounded minutes per ticket', async () => {
    const { incidentId } = await seeded();
    for (const at of ['2026-03-02T09:00:00Z', '2026-03-02T09:05:00Z']) {
      const logged = await vangnet('time', 'log', '--incident', incidentId, '--minutes', '7', '--at', at);
      expect(logged.code).toBe(0);
      expect(logged.out).toMatch(/^Logged 0:07 on incident/);
    }
    const second = await vangnet('time', 'log', '--incident', incidentId, '--minutes', '7', '--at', '2026-03-02T09:05:00Z');
    expect(second.err).toMatch(/^warning: overlaps 2 other entries of yours/);
    const list = await vangnet('--json', 'time', 'list', '--month', '2026-03', '--client', 'ACME');
    const parsed = JSON.parse(list.out) as { entries: unknown[]; lines: { rawMinutes: number; roundedMinutes: number }[] };
    expect(parsed.entries).toHaveLength(3);
    expect(parsed.lines).toEqual([expect.objectContaining({ rawMinutes: 21, roundedMinutes: 30 })]);
    const text = await vangnet('time', 'list', '--month', '2026-03');
    expect(text.out).toMatch(/ACME: 21 min raw, 30 min rounded/);
    expect((await vangnet('time', 'list', '--month', '2026-02')).out).toMatch(/^\(none\)/);
  });

  it('refuses bad minutes, months and times', async () => {
    const { incidentId } = await seeded();
    for (const minutes of ['0', '1441', '10081', 'abc', '-3', '1.5']) {
      const bad = await vangnet('time', 'log', '--incident', incidentId, '--minutes', minutes);
      expect(bad.code, minutes).toBe(1);
    }
    expect((await vangnet('time', 'log', '--incident', incidentId, '--minutes', 'x')).err).toMatch(/--minutes must be a whole number/);
    expect((await vangnet('time', 'log', '--minutes', '5')).err).toMatch(/Give an incident id or --client CODE/);
    expect((await vangnet('time', 'log', '--incident', incidentId, '--minutes', '5', '--at', 'yesterday')).err).toMatch(/startedAt/);
    expect((await vangnet('time', 'log', '--incident', incidentId, '--minutes', '5', '--at', '2999-01-01T00:00:00Z')).err).toMatch(
      /future/,
    );
    expect((await vangnet('time', 'list', '--month', '2026-3')).err).toMatch(/month YYYY-MM/);
    expect(JSON.parse((await vangnet('--json', 'time', 'list')).out)).toMatchObject({ entries: [] });
  });
});
