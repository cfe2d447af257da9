import { afterEach, describe, expect, it } from 'vitest';
import { insertRow, loadRead } from '../../core/repos/rows';
import { testEngine } from '../../core/testSupport';
import { loadRead as loadServerRead, writeRow } from '../../server/repos/domainRows';
import { DIALECTS, freshServerDb } from '../../server/testSupport';
import type { TimelineEntry } from '../../shared/domain/lifecycle';
import { defineMutation, type Loaded, type MutationContext } from '../../shared/mutations/define';
import { FIXTURE_CLIENT, FIXTURE_INCIDENTS, OTHER_CLIENT } from '../../shared/mutations/readsFixture';
import { z } from 'zod';

/**
 * A mutation of the kind the next features need, made with the framework's own parts: "the running
 * timer of engineer X" (the newest open incident assigned to X: a list read of one, by a lookup,
 * newest first) and "the lines of bundle Y" (an incident's timeline entries: a bounded list by its
 * parent). Its reads run on the laptop and on both server dialects, and `apply` — which sees arrays —
 * computes the same writes from each.
 */
const probe = defineMutation({
  name: 'test.listProbe',
  args: z.object({ engineerId: z.string(), incidentId: z.string() }),
  reads: (args: { engineerId: string; incidentId: string }) => ({
    running: {
      table: 'incidents',
      where: { assigneeId: args.engineerId },
      orderBy: [{ field: 'openedAt', desc: true }],
      limit: 1,
    },
    lines: { table: 'incidentEvents', where: { incidentId: args.incidentId }, orderBy: [{ field: 'at' }], limit: 500 },
    client: { table: 'clients', by: 'code', value: 'ANDER' },
  }),
  apply(_args, rows) {
    // Compile-time: list reads are arrays of their table's rows, a row read one row or undefined.
    const titles: string[] = rows.running.map((r) => r.title);
    const bodies: string[] = rows.lines.map((l) => (l.data.kind === 'note' ? l.data.body : l.data.kind));
    const code: string | undefined = rows.client?.code;
    return rows.running.map((r) => ({
      op: 'update' as const,
      table: 'incidents' as const,
      before: r,
      row: { ...r, title: [...titles, ...bodies, code].join('|') },
    }));
  },
});

type ProbeRows = Loaded<ReturnType<typeof probe.reads>>;
const CTX = {
  actor: { id: 'e1', name: 'Sanne', kind: 'engineer', role: 'engineer' },
  deviceId: 'd',
  hlc: 'h',
  now: 'n',
} as MutationContext;
const ARGS = { engineerId: 'e1', incidentId: FIXTURE_INCIDENTS[0]!.id };

const lines: TimelineEntry[] = ['tweede', 'eerste', 'derde'].map((body, i) => ({
  id: `20000000-0000-7000-8000-00000000000${i + 1}`,
  incidentId: FIXTURE_INCIDENTS[0]!.id,
  at: `2026-03-02T1${[1, 0, 2][i]}:00:00.000Z`,
  data: { kind: 'note', body },
  actorId: 'e1',
  actorName: 'Sanne',
  createdAt: '2026-03-02T10:00:00.000Z',
  hlc: 'h1',
  fieldVersions: {},
}));
// Engineer e1's incidents, one opened later than the rest: that one is "running".
const incidents = FIXTURE_INCIDENTS.map((r) => (r.title === 'é' ? { ...r, openedAt: '2026-03-03T09:00:00.000Z' } : r));
const EXPECTED = 'é|eerste|tweede|derde|ANDER';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('a mutation with list reads', () => {
  it('gets arrays on the laptop, bounded and ordered, and computes its writes from them', () => {
    const { engine } = testEngine();
    cleanups.push(() => engine.close());
    for (const c of [FIXTURE_CLIENT, OTHER_CLIENT]) insertRow(engine.db, 'clients', c);
    for (const r of incidents) insertRow(engine.db, 'incidents', r);
    for (const l of lines) insertRow(engine.db, 'incidentEvents', l);
    const rows = Object.fromEntries(Object.entries(probe.reads(ARGS)).map(([k, spec]) => [k, loadRead(engine.db, spec)])) as ProbeRows;
    expect(rows.running.map((r) => r.title)).toEqual(['é']);
    const writes = probe.apply(ARGS, rows, CTX);
    expect(writes.map((w) => (w.op === 'update' && w.table === 'incidents' ? w.row.title : null))).toEqual([EXPECTED]);
    // Nobody's timer: an empty list, not undefined.
    const none = loadRead(engine.db, { table: 'incidents', where: { assigneeId: 'nobody' }, limit: 1 });
    expect(none).toEqual([]);
  });

  it.each(DIALECTS)('gets the same arrays on a %s server', async (dialect) => {
    const { store, drop } = await freshServerDb(dialect);
    cleanups.push(drop, () => store.close());
    for (const row of [FIXTURE_CLIENT, OTHER_CLIENT]) await writeRow(store.db, { op: 'insert', table: 'clients', row });
    for (const row of incidents) await writeRow(store.db, { op: 'insert', table: 'incidents', row });
    for (const row of lines) await writeRow(store.db, { op: 'insert', table: 'incidentEvents', row });
    const rows: Record<string, unknown> = {};
    for (const [k, spec] of Object.entries(probe.reads(ARGS))) rows[k] = await loadServerRead(store.db, spec);
    const writes = probe.apply(ARGS, rows as ProbeRows, CTX);
    expect(writes.map((w) => (w.op === 'update' && w.table === 'incidents' ? w.row.title : null))).toEqual([EXPECTED]);
  });
});
