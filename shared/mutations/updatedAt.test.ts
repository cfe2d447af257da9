import { describe, expect, it } from 'vitest';
import type { Incident } from '../domain/incident';
import { formatHlc, hlcToIso } from '../hlc';
import { mergeRows } from '../merge';
import type { Write } from './define';
import { incidentUpdate } from './incident';

/**
 * The 20-laptop harness on PostgreSQL (manyLaptops.test.ts) found laptops whose incident row
 * differed from the server's in `updatedAt` alone: the server stamped a row with the time of the
 * last mutation it applied — an older stamp when a slower push arrived after a newer one — and a
 * laptop kept the time of its own write even where a newer write won every field it set.
 */
const BASE = Date.parse('2026-03-02T09:00:00.000Z');
const stamp = (offsetMs: number, node: string) => formatHlc({ wallMs: BASE + offsetMs, counter: 0, node });
const actor = { id: 'eng', name: 'Engineer', kind: 'engineer' as const, role: 'engineer' as const };

const created = stamp(0, 'a');
const incident: Incident = {
  id: 'inc',
  clientId: 'client',
  title: 'Plat',
  description: '',
  priority: 'P3',
  status: 'new',
  openedAt: hlcToIso(created),
  createdAt: hlcToIso(created),
  createdBy: 'eng',
  updatedAt: hlcToIso(created),
  assigneeId: null,
  category: null,
  mergedInto: null,
  fieldVersions: { title: created, description: created, priority: created, status: created, assigneeId: created, category: created },
};

function update(row: Incident, args: { title?: string; description?: string }, hlc: string): Incident {
  const writes = incidentUpdate.apply({ id: row.id, ...args }, { incident: row }, { actor, deviceId: 'dev', hlc, now: hlcToIso(hlc) });
  const write = writes.find((w: Write) => w.table === 'incidents');
  return write && write.op !== 'delete' ? (write.row as Incident) : row;
}

describe('an incident row’s updatedAt', () => {
  const newer = { args: { title: 'newer title' }, hlc: stamp(30, 'b') };
  const older = { args: { description: 'older description' }, hlc: stamp(10, 'c') };

  it('is the same whichever order the server applies concurrent writes in', () => {
    const inOrder = update(update(incident, older.args, older.hlc), newer.args, newer.hlc);
    const newerFirst = update(update(incident, newer.args, newer.hlc), older.args, older.hlc);
    expect(newerFirst).toEqual(inOrder);
    expect(newerFirst.updatedAt).toBe(hlcToIso(newer.hlc));
  });

  it('on a laptop whose own write lost, equals the server’s once merged', () => {
    const server = update(update(incident, newer.args, newer.hlc), older.args, older.hlc);
    // This laptop retitled the incident at 20: the server's title at 30 wins.
    const laptop = update(incident, { title: 'lost title' }, stamp(20, 'd'));
    expect(mergeRows(laptop, server)).toEqual(server);
    expect(mergeRows(server, laptop)).toEqual(server);
  });
});
