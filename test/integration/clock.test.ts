import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../core/cli/main';
import { dispatch } from '../../core/engine/dispatch';
import { type Engine, openEngine } from '../../core/engine/engine';
import { tempDataDir } from '../../core/testSupport';
import type { SyncStatus } from '../../shared/contract';
import { MAX_DRIFT_MS, parseHlc } from '../../shared/hlc';
import { CLOCK_WARN_MS } from '../../shared/sync/clockOffset';
import { DIALECTS, startTestServer, type TestServer } from '../../server/testSupport';

/**
 * A laptop with a wrong clock against a real office server on loopback. Time is controlled: `real`
 * is the true time (the server's clock), each laptop's clock is `real + skew`, so who really wrote
 * first is known in advance whatever the laptops' clocks say.
 */
const MIN = 60_000;
const DAY = 86_400_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function world() {
  let real = Date.now();
  return {
    now: () => real,
    pass: (ms: number) => (real += ms),
  };
}

type Laptop = Engine & { skew(ms: number): void };

function laptop(w: ReturnType<typeof world>, name: string): Laptop {
  let skew = 0;
  const engine = openEngine({ dataDir: tempDataDir(), now: () => w.now() + skew });
  engine.ensureProfile(name);
  cleanups.push(() => engine.close());
  return Object.assign(engine, { skew: (ms: number) => (skew = ms) });
}

async function call<T>(engine: Engine, name: string, args: unknown): Promise<T> {
  const result = await dispatch(engine, name, args);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function server(dialect: (typeof DIALECTS)[number], w: ReturnType<typeof world>): Promise<TestServer> {
  const s = await startTestServer(dialect, w.now);
  cleanups.push(() => s.close());
  return s;
}

async function paired(s: TestServer, l: Laptop, name: string): Promise<void> {
  await call(l, 'sync.login', { serverUrl: s.url, code: await s.engineer(name) });
  await call(l, 'sync.now', {});
}

const title = async (l: Engine, id: string) => (await call<{ title: string }>(l, 'incidents.get', { id })).title;
const serverTitle = async (s: TestServer, id: string) =>
  (await s.store.db.selectFrom('incidents').select(['title', 'field_versions']).where('id', '=', id).executeTakeFirstOrThrow()).title;

describe('a laptop with a wrong clock', () => {
  it.each([
    ['10 minutes ahead', 10 * MIN],
    ['a day ahead', DAY],
    ['a day behind', -DAY],
  ])('%s: is told at once, its offline work arrives, and once fixed it is never refused', async (_label, skew) => {
    const w = world();
    const s = await server('sqlite', w);
    const a = laptop(w, 'sanne (local)');
    const b = laptop(w, 'joris (local)');
    await paired(s, a, 'Sanne de Boer');
    await paired(s, b, 'Joris Bakker');
    expect((await call<SyncStatus>(a, 'sync.status', {})).clock?.offsetMs).toBe(0);

    // The clock goes wrong while the laptop is offline; work made meanwhile carries its stamps.
    a.skew(skew);
    w.pass(MIN);
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein Online', code: 'ZORG' });
    const incident = await call<{ id: string }>(a, 'incidents.create', {
      clientId: client.id,
      title: 'Website traag',
      priority: 'P3',

    });
    w.pass(MIN);
    const round = await call<{ pushed: number }>(a, 'sync.now', {});
    expect(round.pushed).toBe(2);
    const status = await call<SyncStatus>(a, 'sync.status', {});
    expect(status.state).toBe('idle');
    expect(status.clock?.offsetMs).toBe(-skew);
    expect(Math.abs(status.clock!.offsetMs)).toBeGreaterThan(CLOCK_WARN_MS);
    // On the server the work carries the time it really happened (the push corrected it).
    const row = await s.store.db.selectFrom('incidents').select('field_versions').where('id', '=', incident.id).executeTakeFirstOrThrow();
    const stamp = parseHlc((JSON.parse(row.field_versions) as Record<string, string>).title!);
    expect(stamp.wallMs).toBeLessThanOrEqual(w.now());
    expect(stamp.wallMs).toBeGreaterThan(w.now() - 2 * MIN);
    // The laptop holds the server's stamp, so both sides converge.
    const local = a.db.prepare('SELECT field_versions FROM incidents WHERE id = ?').get(incident.id) as { field_versions: string };
    expect(local.field_versions).toBe(row.field_versions);

    // Still wrong: new edits are stamped with corrected time at once; another laptop's edits arrive.
    w.pass(MIN);
    await call(a, 'incidents.update', { id: incident.id, description: 'Traag sinds de release' });
    const pending = a.db.prepare('SELECT field_versions FROM incidents WHERE id = ?').get(incident.id) as { field_versions: string };
    const made = parseHlc((JSON.parse(pending.field_versions) as Record<string, string>).description!).wallMs;
    expect(Math.abs(made - w.now())).toBeLessThan(MIN);
    await call(b, 'sync.now', {});
    w.pass(MIN);
    await call(b, 'incidents.update', { id: incident.id, title: 'Website plat' });
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});
    expect(await title(a, incident.id)).toBe('Website plat');

    // The clock is fixed: the next edit is accepted at once and beats the earlier one.
    a.skew(0);
    w.pass(MIN);
    await call(a, 'incidents.update', { id: incident.id, title: 'Website weer snel' });
    const fixed = await call<{ pushed: number; rejected: number }>(a, 'sync.now', {});
    expect(fixed).toMatchObject({ pushed: 1, rejected: 0 });
    expect((await call<SyncStatus>(a, 'sync.status', {})).clock?.offsetMs).toBe(0);
    await call(b, 'sync.now', {});
    expect(await serverTitle(s, incident.id)).toBe('Website weer snel');
    expect(await title(b, incident.id)).toBe('Website weer snel');
    expect(await title(a, incident.id)).toBe('Website weer snel');
    // No stamp on the server is left in the future.
    const versions = await s.store.db.selectFrom('incidents').select('field_versions').execute();
    for (const v of versions)
      for (const hlc of Object.values(JSON.parse(v.field_versions) as Record<string, string>))
        expect(parseHlc(hlc).wallMs - w.now()).toBeLessThanOrEqual(MAX_DRIFT_MS);
    // Its trail pairs every action with the server's copy.
    const trail = await call<{ synced: boolean }[]>(a, 'audit.forEntity', { entityId: incident.id });
    expect(trail.every((e) => e.synced)).toBe(true);
  });
});

describe.each(DIALECTS)('concurrent edits across a wrong clock on a %s server', (dialect) => {
  it.each([
    ['a day behind, really writing later', -DAY, 'later'],
    ['a day ahead, really writing earlier', DAY, 'earlier'],
    ['10 minutes ahead, really writing earlier', 10 * MIN, 'earlier'],
  ] as const)('the laptop %s: the real order wins everywhere', async (_label, skew, when) => {
    const w = world();
    const s = await server(dialect, w);
    const a = laptop(w, 'sanne (local)');
    const b = laptop(w, 'joris (local)');
    await paired(s, a, 'Sanne de Boer');
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein Online', code: 'ZORG' });
    const incident = await call<{ id: string }>(a, 'incidents.create', {
      clientId: client.id,
      title: 'Website traag',
      priority: 'P3',

    });
    await call(a, 'sync.now', {});
    await paired(s, b, 'Joris Bakker');

    // Sanne's clock goes wrong after her last sync; both edit the same field offline, 10 s apart.
    a.skew(skew);
    w.pass(MIN);
    const edit = (l: Laptop, t: string) => call(l, 'incidents.update', { id: incident.id, title: t });
    if (when === 'later') {
      await edit(b, 'Joris first');
      w.pass(10_000);
      await edit(a, 'Sanne last');
    } else {
      await edit(a, 'Sanne first');
      w.pass(10_000);
      await edit(b, 'Joris last');
    }
    const winner = when === 'later' ? 'Sanne last' : 'Joris last';
    // Both arrival orders.
    w.pass(MIN);
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    expect(await serverTitle(s, incident.id)).toBe(winner);
    expect(await title(a, incident.id)).toBe(winner);
    expect(await title(b, incident.id)).toBe(winner);
    const versions = (l: Engine) => l.db.prepare('SELECT field_versions FROM incidents WHERE id = ?').get(incident.id);
    expect(versions(a)).toEqual(versions(b));
  });
});

describe.each(DIALECTS)('the server receive rule on %s', (dialect) => {
  it('a REST edit made after a pushed mutation stamped minutes ahead takes effect', async () => {
    const w = world();
    const s = await server(dialect, w);
    const a = laptop(w, 'sanne (local)');
    await paired(s, a, 'Sanne de Boer');
    // Within the trusted bound: the push is applied with its own stamps, 4 minutes ahead.
    a.skew(4 * MIN);
    const client = await call<{ id: string }>(a, 'clients.create', { name: 'Zorgplein Online', code: 'ZORG' });
    const incident = await call<{ id: string }>(a, 'incidents.create', {
      clientId: client.id,
      title: 'Website traag',
      priority: 'P3',

    });
    await call(a, 'sync.now', {});
    w.pass(1000);
    const token = await restToken(s);
    const patched = await fetch(`${s.url}/api/v1/incidents/${incident.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Website plat' }),
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ title: 'Website plat' });
    expect(await serverTitle(s, incident.id)).toBe('Website plat');
    await call(a, 'sync.now', {});
    expect(await title(a, incident.id)).toBe('Website plat');
  });
});

async function restToken(s: TestServer): Promise<string> {
  const code = await s.engineer('Integration Bot', 'bot@agency.test');
  const res = await fetch(`${s.url}/sync/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, clientId: 'integration', deviceName: 'ci' }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe('vangnet status', () => {
  it('says at once that the clock is a day behind, in words and as JSON', async () => {
    // The server's clock is right and a day ahead of this laptop's (the real one, as the CLI uses).
    const s = await server('sqlite', { now: () => Date.now() + DAY, pass: () => 0 });
    const home = tempDataDir();
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    cleanups.push(() => {
      vi.restoreAllMocks();
    });
    const vangnet = async (...args: string[]) => {
      out = '';
      const code = await main(['node', 'vangnet', '--home', home, ...args]);
      return { code, out };
    };
    expect((await vangnet('client', 'add', '--name', 'Zorgplein Online', '--code', 'ZORG')).code).toBe(0);
    expect((await vangnet('login', '--server', s.url, '--code', await s.engineer('Sanne de Boer'))).code).toBe(0);
    const text = await vangnet('status');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Clock: +this computer's clock is 24 h behind the office server's/);
    const json = JSON.parse((await vangnet('status', '--json')).out) as SyncStatus & { clockWarning: unknown };
    expect(json.clockWarning).toEqual({ direction: 'behind', byMs: expect.closeTo(DAY, -4) as number });
    expect(json.clock?.offsetMs).toBeGreaterThan(DAY - MIN);
    expect(json.pending).toBe(0);
  });
});
