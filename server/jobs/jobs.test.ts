import { setTimeout as sleep } from 'node:timers/promises';
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addEngineer } from '../auth/devices';
import { main } from '../cli';
import { connectServerDb } from '../db/connect';
import { buildServer, type VangnetServer } from '../http/app';
import { DIALECTS, freshServerDb } from '../testSupport';
import { prunePairingCodes } from './builtin';
import { createJobs, type JobDefinition } from './jobs';
import { leaseLeadership } from './leadership';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const LEASE_MS = 3_000;

/** A job that records which server ran it and how many of its runs were in flight at once. */
function probe() {
  const runsBy: string[] = [];
  const startedAt: number[] = [];
  let active = 0;
  let maxActive = 0;
  const job = (server: string): JobDefinition => ({
    name: 'probe',
    everyMs: 25,
    async run() {
      active += 1;
      maxActive = Math.max(maxActive, active);
      runsBy.push(server);
      startedAt.push(Date.now());
      await sleep(15);
      active -= 1;
    },
  });
  return { job, runsBy, startedAt, maxActive: () => maxActive };
}

describe('the SQLite lease', () => {
  it('is held by one holder until it expires, then taken over; the old holder cannot renew it', async () => {
    const { store, drop } = await freshServerDb('sqlite');
    cleanups.push(drop, () => store.close());
    let t = 1_000_000;
    const a = leaseLeadership(store.db, 'a', 100, () => t);
    const b = leaseLeadership(store.db, 'b', 100, () => t);
    expect(await a.claim('job')).toBe(t + 100);
    expect(await b.claim('job')).toBeNull();
    t += 50;
    expect(await a.claim('job')).toBe(t + 100); // renewed
    t += 99;
    expect(await b.claim('job')).toBeNull();
    t += 1;
    expect(await b.claim('job')).toBe(t + 100); // a's lease ran out
    expect(await a.claim('job')).toBeNull();
    expect(await a.claim('other')).toBe(t + 100); // one lease per job
    await b.release('job');
    expect(await a.claim('job')).toBe(t + 100);
  });
});

describe.each(DIALECTS)('background jobs on two servers sharing one %s database', (dialect) => {
  async function twoServers(): Promise<[VangnetServer, VangnetServer]> {
    const first = await freshServerDb(dialect);
    const second = await connectServerDb(first.options);
    cleanups.push(
      first.drop,
      () => first.store.close(),
      () => second.close(),
    );
    const servers = [
      await buildServer({ store: first.store, jobLeaseMs: LEASE_MS }),
      await buildServer({ store: second, jobLeaseMs: LEASE_MS }),
    ] as const;
    cleanups.push(...servers.map((s) => () => s.close()));
    return [...servers];
  }

  it('runs a job on exactly one of them, never overlapping, and the other takes over when the leader closes', async () => {
    const [s0, s1] = await twoServers();
    const p = probe();
    s0.jobs.define(p.job('s0'));
    s1.jobs.define(p.job('s1'));
    await vi.waitFor(() => expect(p.runsBy.length).toBeGreaterThanOrEqual(6), { timeout: 10_000, interval: 20 });
    const leader = p.runsBy[0]!;
    expect(new Set(p.runsBy)).toEqual(new Set([leader]));
    const [lead, follow] = leader === 's0' ? [s0, s1] : [s1, s0];
    expect(lead.jobs.status().find((j) => j.name === 'probe')?.leading).toBe(true);
    expect(follow.jobs.status().find((j) => j.name === 'probe')).toMatchObject({ leading: false, runs: 0 });

    await lead.close();
    const closedAt = Date.now();
    const before = p.runsBy.length;
    await vi.waitFor(() => expect(p.runsBy.length).toBeGreaterThan(before + 3), { timeout: 10_000, interval: 20 });
    // Given up on close: the other did not wait for the lease to lapse.
    expect(p.startedAt[before]! - closedAt).toBeLessThan(LEASE_MS);
    expect(new Set(p.runsBy.slice(before))).toEqual(new Set([leader === 's0' ? 's1' : 's0']));
    expect(follow.jobs.status().find((j) => j.name === 'probe')?.leading).toBe(true);
    expect(p.maxActive()).toBe(1);
  });

  it('shows who leads in /metrics', async () => {
    const [s0, s1] = await twoServers();
    const leading = async (s: VangnetServer) => {
      const res = await s.app.inject({ method: 'GET', url: '/metrics' });
      return /vangnet_job_leader\{job="prune-pairing-codes"\} (\d)/.exec(res.body)?.[1];
    };
    await vi.waitFor(async () => expect([await leading(s0), await leading(s1)].sort()).toEqual(['0', '1']), { timeout: 10_000 });
  });

  it('logs and counts a failing run, and keeps running the job', async () => {
    const [s0] = await twoServers();
    let calls = 0;
    s0.jobs.define({
      name: 'flaky',
      everyMs: 10,
      async run() {
        calls += 1;
        if (calls % 2 === 1) throw new Error('boom');
      },
    });
    await vi.waitFor(() => expect(s0.jobs.status().find((j) => j.name === 'flaky')).toMatchObject({ failures: 2, runs: 2 }), {
      timeout: 10_000,
      interval: 5,
    });
  });
});

describe('a running job', () => {
  it('has its signal aborted when another holder takes the lead, and when the scheduler closes', async () => {
    const { store, drop } = await freshServerDb('sqlite');
    cleanups.push(drop, () => store.close());
    const jobs = createJobs({ leadership: leaseLeadership(store.db, 'me', 300, Date.now), leaseMs: 300 });
    const aborted: string[] = [];
    let started = 0;
    jobs.define({
      name: 'long',
      everyMs: 10,
      async run({ signal }) {
        started += 1;
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        aborted.push(started === 1 ? 'lost the lead' : 'closed');
      },
    });
    await vi.waitFor(() => expect(started).toBe(1), { timeout: 5_000, interval: 5 });
    // Another process takes the lead (as if ours had lapsed): at its next heartbeat the run is told to stop.
    await store.db
      .updateTable('job_leases')
      .set({ holder: 'other', expires_at: Date.now() + 60_000 })
      .execute();
    await vi.waitFor(() => expect(aborted).toEqual(['lost the lead']), { timeout: 5_000, interval: 5 });
    expect(jobs.status()[0]!.leading).toBe(false);
    // The lead comes back: the job runs again, until the scheduler closes.
    await store.db.updateTable('job_leases').set({ expires_at: 0 }).execute();
    await vi.waitFor(() => expect(started).toBe(2), { timeout: 5_000, interval: 5 });
    await jobs.close();
    expect(aborted).toEqual(['lost the lead', 'closed']);
    expect(await store.db.selectFrom('job_leases').selectAll().execute()).toEqual([]);
  });
});

describe('the pairing-code pruning job', () => {
  it('deletes expired codes and keeps those still valid', async () => {
    const { store, drop } = await freshServerDb('sqlite');
    cleanups.push(drop, () => store.close());
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    await addEngineer(store, { name: 'Old', email: 'old@agency.test', role: 'engineer' }, t0);
    await addEngineer(store, { name: 'New', email: 'new@agency.test', role: 'engineer' }, t0 + 10 * 86_400_000);
    const codes = () => store.db.selectFrom('pairing_codes').select('expires_at').execute();
    expect(await codes()).toHaveLength(2);
    await prunePairingCodes(store, () => t0 + 8 * 86_400_000).run({ signal: new AbortController().signal });
    expect(await codes()).toEqual([{ expires_at: new Date(t0 + 17 * 86_400_000).toISOString() }]);
  });
});

describe('vangnet-server serve --job-lease-ms', () => {
  it('refuses a lease that is not a whole number of at least 30 ms, before opening the store', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = `/tmp/vangnet-no-such-${Date.now()}`;
    for (const bad of ['abc', '10', '1.5']) {
      expect(await main(['node', 'vangnet-server', '--data', dir, 'serve', '--port', '0', '--job-lease-ms', bad])).toBe(1);
      expect(String(stderr.mock.calls.at(-1)?.[0])).toContain('--job-lease-ms must be a whole number');
    }
    expect(fs.existsSync(dir)).toBe(false);
    stderr.mockRestore();
  });
});
