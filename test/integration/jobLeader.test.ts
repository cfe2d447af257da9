import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../../server/http/app';
import { DIALECTS, processStore, startServerProcess } from '../../server/testSupport';

/**
 * Background-job leadership across processes: a real `vangnet-server serve` leads the built-in
 * job, a server in this process on the same database follows; the child is SIGKILLed (no chance
 * to give its lead up) and the follower must take over within the lease.
 */
const LEASE_MS = 1_500;
const HEARTBEAT_MS = LEASE_MS / 3;
const JOB = 'prune-pairing-codes';

const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
}, 60_000);

describe.each(DIALECTS)('job leadership across processes (%s)', (dialect) => {
  it('a leader killed with SIGKILL is replaced within the lease', async () => {
    const store = await processStore(dialect);
    cleanups.push(store.drop);
    const child = await startServerProcess(store.args, ['--job-lease-ms', String(LEASE_MS)]);
    cleanups.push(() => child.stop());
    const childLeads = async () => {
      const body = await (await fetch(`${child.url}/metrics`)).text();
      return new RegExp(`vangnet_job_leader\\{job="${JOB}"\\} (\\d)`).exec(body)?.[1];
    };
    await vi.waitFor(async () => expect(await childLeads()).toBe('1'), { timeout: 15_000, interval: 50 });

    const db = await store.connect();
    cleanups.push(() => db.close());
    const follower = await buildServer({ store: db, jobLeaseMs: LEASE_MS });
    cleanups.push(() => follower.close());
    const job = () => follower.jobs.status().find((j) => j.name === JOB)!;
    await vi.waitFor(() => expect(job().heartbeats).toBeGreaterThanOrEqual(3), { timeout: 15_000, interval: 20 });
    expect(job()).toMatchObject({ leading: false, runs: 0 });

    const exited = new Promise((resolve) => child.child.once('exit', resolve));
    child.child.kill('SIGKILL');
    const killedAt = Date.now();
    await exited;
    await vi.waitFor(() => expect(job().runs).toBe(1), { timeout: 3 * LEASE_MS, interval: 10 });
    // The child's last renewal was at most a heartbeat before the kill; ours comes a heartbeat later at most.
    expect(Date.now() - killedAt).toBeLessThan(LEASE_MS + 2 * HEARTBEAT_MS);
    expect(job().leading).toBe(true);
  }, 60_000);
});
