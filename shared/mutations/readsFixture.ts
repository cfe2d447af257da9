import type { Client } from '../domain/client';
import type { Incident } from '../domain/incident';
import type { ListRead } from './define';

/**
 * Rows and list reads that both hosts' tests load (core/repos/rows.test.ts, server/db/domainRows.test.ts)
 * and the answers each must give: titles whose code-point order differs from a locale's (capitals
 * first, an accented letter after every ASCII one), a tie broken by id, and nulls.
 * Test support only; never imported by production code.
 */
const T = '2026-03-02T09:00:00.000Z';
export const FIXTURE_CLIENT: Client = {
  id: 'c0000000-0000-7000-8000-000000000001',
  name: 'Zorgplein',
  code: 'ZORG',
  createdAt: T,
  createdBy: 'e1',
  fieldVersions: {},
};
export const OTHER_CLIENT: Client = { ...FIXTURE_CLIENT, id: 'c0000000-0000-7000-8000-000000000002', code: 'ANDER' };

function incident(n: number, title: string, assigneeId: string | null, clientId = FIXTURE_CLIENT.id): Incident {
  return {
    id: `10000000-0000-7000-8000-00000000000${n}`,
    clientId,
    title,
    description: '',
    priority: 'P2',
    status: 'new',
    openedAt: T,
    createdAt: T,
    createdBy: 'e1',
    updatedAt: T,
    assigneeId,
    category: null,
    mergedInto: null,
    fieldVersions: {},
  };
}

// Inserted out of order, so an answer in order is the read's doing.
export const FIXTURE_INCIDENTS: Incident[] = [
  incident(5, 'b', 'e2'),
  incident(3, 'a', null),
  incident(1, 'é', 'e1'),
  incident(4, 'Z', null),
  incident(2, 'a', 'e1'),
  incident(6, 'B', 'e3'),
  incident(7, 'ander', null, OTHER_CLIENT.id),
];

const id = (n: number) => `10000000-0000-7000-8000-00000000000${n}`;

/** Each read with the ids it must load, in order. */
export const FIXTURE_READS: { read: ListRead<'incidents'>; ids: string[] }[] = [
  // By code point ('B' < 'Z' < 'a' < 'b' < 'é'); the two 'a' by id.
  {
    read: { table: 'incidents', where: { clientId: FIXTURE_CLIENT.id }, orderBy: [{ field: 'title' }], limit: 10 },
    ids: [6, 4, 2, 3, 5, 1].map(id),
  },
  {
    read: { table: 'incidents', where: { clientId: FIXTURE_CLIENT.id }, orderBy: [{ field: 'title', desc: true }], limit: 3 },
    ids: [1, 5, 2].map(id),
  },
  // Nulls first ascending, ties by id.
  {
    read: { table: 'incidents', where: { clientId: FIXTURE_CLIENT.id }, orderBy: [{ field: 'assigneeId' }], limit: 4 },
    ids: [3, 4, 1, 2].map(id),
  },
  // No order asked: by id.
  { read: { table: 'incidents', where: { clientId: FIXTURE_CLIENT.id }, limit: 2 }, ids: [1, 2].map(id) },
  { read: { table: 'incidents', where: { clientId: 'c0000000-0000-7000-8000-00000000ffff' }, limit: 5 }, ids: [] },
];
