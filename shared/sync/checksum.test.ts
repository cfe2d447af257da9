import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonicalJson';
import {
  CHECKSUM_FIELDS,
  CHECKSUM_TABLES,
  type ChecksumTable,
  canonicalRow,
  divergentTables,
  rowDigest,
  tableChecksum,
  type TableChecksums,
} from './checksum';

const incident = {
  id: '0190a000-0000-7000-8000-000000000001',
  clientId: '0190a000-0000-7000-8000-0000000000c1',
  title: 'Checkout geeft 502',
  description: '',
  priority: 'P1',
  status: 'new',
  openedAt: '2026-03-02T09:00:00.000Z',
  createdAt: '2026-03-02T09:00:00.000Z',
  createdBy: 'e1',
  updatedAt: '2026-03-02T09:00:00.000Z',
  assigneeId: null,
  category: null,
  fieldVersions: { title: '001772442000000:000000:dev', priority: '001772442000000:000000:dev' },
};

/** Rows with the table's fields, every value a JSON value: strings, numbers, booleans, nulls, nested objects. */
function rowArb(table: ChecksumTable): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 4 }),
  );
  const fields = CHECKSUM_FIELDS[table].filter((f) => f !== 'id');
  return fc.record({ id: fc.uuid(), ...Object.fromEntries(fields.map((f) => [f, value])) });
}

const tableArb = fc.constantFrom(...CHECKSUM_TABLES);

describe('canonicalRow', () => {
  it('is the table’s fields only, keys sorted at every level, absent fields as null', () => {
    const { assigneeId: _a, ...withoutAssignee } = incident;
    const text = canonicalRow('incidents', { ...withoutAssignee, extra: 'ignored', fieldVersions: { title: 'b', priority: 'a' } });
    expect(text.startsWith('{"assigneeId":null,"category":null,"clientId":')).toBe(true);
    expect(text).toContain('"fieldVersions":{"priority":"a","title":"b"}');
    expect(text).not.toContain('extra');
  });

  it('treats undefined and null alike, so a row missing a newer optional field matches one that has it as null', () => {
    expect(canonicalRow('incidents', { ...incident, category: undefined })).toBe(canonicalRow('incidents', incident));
  });
});

describe('tableChecksum', () => {
  it('of no rows is a zero sum and count', () => {
    expect(tableChecksum('clients', [])).toEqual({ count: 0, checksum: '0000000000000000' });
  });

  it('of one row is that row’s digest: the first 8 bytes of SHA-256 of its canonical text, in hex', () => {
    // Pinned so a second implementation (or a refactor) can check itself against this one.
    const digest = rowDigest('incidents', incident);
    expect(tableChecksum('incidents', [incident])).toEqual({ count: 1, checksum: digest.toString(16).padStart(16, '0') });
    // printf '%s' '{"active":true,"email":"s@a.nl","id":"e1","name":"Sanne","role":"engineer"}' | sha256sum | cut -c1-16
    expect(canonicalRow('engineers', { role: 'engineer', name: 'Sanne', id: 'e1', email: 's@a.nl', active: true })).toBe(
      '{"active":true,"email":"s@a.nl","id":"e1","name":"Sanne","role":"engineer"}',
    );
    expect(tableChecksum('engineers', [{ id: 'e1', name: 'Sanne', email: 's@a.nl', role: 'engineer', active: true }])).toEqual({
      count: 1,
      checksum: 'a26f406edf582225',
    });
  });

  it('sums modulo 2^64', () => {
    const rows = [incident, { ...incident, id: 'x' }, { ...incident, id: 'y' }];
    const sum = rows.reduce((acc, r) => (acc + rowDigest('incidents', r)) % 2n ** 64n, 0n);
    expect(tableChecksum('incidents', rows).checksum).toBe(sum.toString(16).padStart(16, '0'));
  });

  it('does not depend on the order rows are read in, nor on the order of keys within them (property)', () => {
    fc.assert(
      fc.property(
        tableArb.chain((t) => fc.tuple(fc.constant(t), fc.array(rowArb(t), { maxLength: 20 }))),
        fc.infiniteStream(fc.double()),
        ([table, rows], randoms) => {
          const shuffled = rows
            .map((r) => [randoms.next().value, Object.fromEntries(Object.entries(r).reverse())] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, r]) => r);
          expect(tableChecksum(table, shuffled)).toEqual(tableChecksum(table, rows));
        },
      ),
    );
  });

  it('changes when any single field of any row changes (property)', () => {
    fc.assert(
      fc.property(
        tableArb.chain((t) =>
          fc.tuple(
            fc.constant(t),
            fc.array(rowArb(t), { minLength: 1, maxLength: 10 }),
            fc.nat(),
            fc.constantFrom(...CHECKSUM_FIELDS[t]),
            fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.string())),
          ),
        ),
        ([table, rows, pick, field, value]) => {
          const i = pick % rows.length;
          const before = rows[i]!;
          fc.pre(canonicalRow(table, { ...before, [field]: value }) !== canonicalRow(table, before));
          const changed = rows.map((r, j) => (j === i ? { ...r, [field]: value } : r));
          expect(tableChecksum(table, changed).checksum).not.toBe(tableChecksum(table, rows).checksum);
        },
      ),
    );
  });

  it('counts rows, so a duplicated or missing row shows even where digests could cancel', () => {
    const one = tableChecksum('clients', [{ id: 'a' }]);
    const two = tableChecksum('clients', [{ id: 'a' }, { id: 'b' }]);
    expect(two.count).toBe(one.count + 1);
  });
});

describe('divergentTables', () => {
  const zero = Object.fromEntries(CHECKSUM_TABLES.map((t) => [t, { count: 0, checksum: '0'.repeat(16) }])) as TableChecksums;

  it('lists tables whose count or checksum differ, and tables the server left out', () => {
    const server: Partial<TableChecksums> = {
      ...zero,
      incidents: { count: 0, checksum: '0000000000000001' },
      contracts: { count: 1, checksum: '0'.repeat(16) },
    };
    delete server.engineers;
    expect(divergentTables(zero, server)).toEqual(['incidents', 'contracts', 'engineers']);
    expect(divergentTables(zero, zero)).toEqual([]);
  });
});

describe('canonicalRow is canonicalJson of the picked row', () => {
  it('for any row (property)', () => {
    fc.assert(
      fc.property(
        tableArb.chain((t) => fc.tuple(fc.constant(t), rowArb(t))),
        ([table, row]) => {
          const picked = Object.fromEntries(CHECKSUM_FIELDS[table].map((f) => [f, row[f] ?? null]));
          expect(canonicalRow(table, row)).toBe(canonicalJson(picked));
        },
      ),
    );
  });
});
