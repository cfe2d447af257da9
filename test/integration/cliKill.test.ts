import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../core/engine/engine';
import { prng } from '../../core/demo/generator';
import { verifyAuditChain } from '../../core/repos/audit';
import { storeFile } from '../../core/store/paths';
import { tempDataDir } from '../../core/testSupport';
import { harnessSeed, runCli, soakOr } from './harness';

/**
 * kill -9 of the `vangnet` CLI mid-write: write commands run as child processes on one store, three
 * at a time, and most are SIGKILLed at a seeded moment: half somewhere in their run, half a few
 * milliseconds after the store's write-ahead log next changes (a write under way). Whatever was
 * acknowledged (exit 0) must be in the store, nothing may be half applied (a row without its audit
 * and outbox entries), and the store must pass integrity_check.
 */
const KILLS = soakOr(30, 200);
const WORKERS = 3;
const seed = harnessSeed(9);

interface Acked {
  kind: 'new' | 'update';
  id: string;
  title: string;
}

let home = '';
afterAll(() => {
  if (home) process.stdout.write(`cliKill: seed ${seed}, store ${home}\n`);
});

describe('kill -9 of the CLI mid-write', () => {
  it(`loses no acknowledged write and leaves nothing half applied (${KILLS} kills)`, async () => {
    const rand = prng(seed);
    home = tempDataDir();
    const setup = await runCli(home, ['client', 'add', '--name', 'Bakkerij de Vries', '--code', 'BAKK', '--json']);
    expect(setup.code, setup.stderr).toBe(0);
    const acked: Acked[] = [];
    const durations: number[] = [];
    let kills = 0;
    let runs = 0;
    let killedAfterCommit = 0;
    let killedWhileWriting = 0;

    /** How long an unkilled run takes here and now: the kill moments are spread over it. */
    const typical = () => [...durations].sort((a, b) => a - b)[Math.floor(durations.length / 2)] ?? 2_000;

    async function worker(w: number): Promise<void> {
      while (kills < KILLS) {
        runs += 1;
        const title = `w${w} run ${runs} ${rand().toString(36).slice(2, 8)}`;
        const ids = acked.filter((a) => a.kind === 'new');
        const update = ids.length > 0 && rand() < 0.5;
        const target = update ? ids[Math.floor(rand() * ids.length)]!.id : '';
        const args = update
          ? ['incident', 'update', target, '--title', title, '--priority', `P${1 + Math.floor(rand() * 4)}`, '--json']
          : ['incident', 'new', '--client', 'BAKK', '--title', title, '--priority', 'P2', '--description', 'x'.repeat(2_000), '--json'];
        // One run in five runs to the end, so there are acknowledged writes to look for.
        const how = rand();
        const delay = how < 0.4 ? Math.floor(rand() * typical() * 1.1) : Math.floor(rand() * 120);
        let duringWrites = false;
        const kill =
          how >= 0.8
            ? undefined
            : (killNow: () => void) => {
                if (how < 0.4) setTimeout(killNow, delay);
                else
                  onNextWrite.add(() => {
                    duringWrites = true;
                    setTimeout(killNow, delay);
                  });
              };
        const started = Date.now();
        const run = await runCli(home, args, kill);
        if (run.signal === 'SIGKILL') {
          kills += 1;
          if (duringWrites) killedWhileWriting += 1;
          if (landed(title)) killedAfterCommit += 1;
          continue;
        }
        expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(0);
        durations.push(Date.now() - started);
        const id = (JSON.parse(run.stdout) as { id: string }).id;
        acked.push({ kind: update ? 'update' : 'new', id, title });
      }
    }
    const landed = (title: string) => {
      const db = new Database(storeFile(home), { readonly: true });
      try {
        return (db.prepare('SELECT count(*) AS n FROM audit WHERE after LIKE ?').get(`%"title":"${title}"%`) as { n: number }).n > 0;
      } finally {
        db.close();
      }
    };
    // Watched as a folder: SQLite removes the log when the last connection closes.
    const onNextWrite = new Set<() => void>();
    const watcher = fs.watch(home, (event, file) => {
      if (event !== 'change' || file !== `${path.basename(storeFile(home))}-wal`) return;
      for (const armed of onNextWrite) armed();
      onNextWrite.clear();
    });
    try {
      await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    } finally {
      watcher.close();
    }

    const db = new Database(storeFile(home));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // Every acknowledged write is there.
      for (const a of acked) {
        const found = db
          .prepare(`SELECT count(*) AS n FROM audit WHERE mutation = ? AND entity_id = ? AND after LIKE ?`)
          .get(a.kind === 'new' ? 'incident.create' : 'incident.update', a.id, `%"title":"${a.title}"%`) as { n: number };
        expect(found.n, `${a.kind} ${a.title}`).toBe(1);
      }
      // Every incident row has its create audit entry; every mutation its outbox entry and the other way round.
      expect(
        db.prepare(`SELECT id FROM incidents WHERE id NOT IN (SELECT entity_id FROM audit WHERE mutation = 'incident.create')`).all(),
      ).toEqual([]);
      expect(db.prepare('SELECT hlc, mutation FROM audit WHERE hlc NOT IN (SELECT hlc FROM outbox)').all()).toEqual([]);
      expect(db.prepare('SELECT mutation_id FROM outbox WHERE hlc NOT IN (SELECT hlc FROM audit)').all()).toEqual([]);
      const outbox = db.prepare('SELECT min(mutation_id) AS lo, max(mutation_id) AS hi, count(*) AS n FROM outbox').get() as {
        lo: number;
        hi: number;
        n: number;
      };
      expect(outbox).toEqual({ lo: 1, hi: outbox.n, n: outbox.n });
    } finally {
      db.close();
    }
    const engine = openEngine({ dataDir: home });
    try {
      expect(verifyAuditChain(engine.db)).toBeNull();
    } finally {
      engine.close();
    }
    process.stdout.write(
      `cliKill: ${runs} runs, ${kills} kills (${killedWhileWriting} within 120 ms of a log write, ${killedAfterCommit} after their own commit), ${acked.length} acknowledged writes, 0 lost\n`,
    );
  }, KILLS * 6_000); // 180 s for the 30 of `npm test`; a soak gets its count's share
});
