import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, hlcToIso } from './hlc';
import { mergeFields, mergeRows, restoreRow } from './merge';

const stamp = (ms: number, node: string) => formatHlc({ wallMs: ms, counter: 0, node });

describe('mergeFields (last writer wins per field)', () => {
  it('applies newer fields and keeps newer concurrent writes', () => {
    const row = { title: 'a', priority: 'P3' };
    const versions = { title: stamp(10, 'x'), priority: stamp(30, 'x') };
    const out = mergeFields(row, versions, { title: 'b', priority: 'P1' }, stamp(20, 'y'));
    expect(out.row).toEqual({ title: 'b', priority: 'P3' });
    expect(out.applied).toEqual(['title']);
    expect(out.versions.title).toBe(stamp(20, 'y'));
  });

  it('breaks equal wall times by node id, the same on every replica', () => {
    const base = { title: 'start' };
    const fromA = { patch: { title: 'A' }, hlc: stamp(5, 'a') };
    const fromB = { patch: { title: 'B' }, hlc: stamp(5, 'b') };
    const ab = mergeFields(mergeFields(base, {}, fromA.patch, fromA.hlc).row, { title: fromA.hlc }, fromB.patch, fromB.hlc);
    const ba1 = mergeFields(base, {}, fromB.patch, fromB.hlc);
    const ba = mergeFields(ba1.row, ba1.versions, fromA.patch, fromA.hlc);
    expect(ab.row.title).toBe('B');
    expect(ba.row.title).toBe('B');
  });

  it('property: replicas that receive the same patches in any order converge', () => {
    const patch = fc.record({
      wall: fc.integer({ min: 0, max: 50 }),
      node: fc.constantFrom('a', 'b', 'c'),
      title: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
      priority: fc.option(fc.constantFrom('P1', 'P2', 'P3', 'P4'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(patch, { selector: (p) => `${p.wall}:${p.node}`, maxLength: 12 }), fc.integer(), (patches, seed) => {
        const apply = (order: typeof patches) => {
          let row: Record<string, unknown> = { title: '', priority: 'P4' };
          let versions = {};
          for (const p of order) {
            const out = mergeFields(row, versions, { title: p.title, priority: p.priority }, stamp(p.wall, p.node));
            row = out.row;
            versions = out.versions;
          }
          return { row, versions };
        };
        const shuffled = [...patches].sort((x, y) => ((x.wall * 31 + seed) % 7) - ((y.wall * 31 + seed) % 7));
        expect(apply(shuffled)).toEqual(apply(patches));
      }),
    );
  });
});

describe('mergeRows (full copies of one row)', () => {
  // A value is determined by the write that made it: one stamp, one value.
  const row = fc.record({
    tv: fc.integer({ min: 0, max: 9 }),
    pv: fc.integer({ min: 0, max: 9 }),
    node: fc.constantFrom('a', 'b'),
  });
  const build = (r: { tv: number; pv: number; node: string }) => ({
    title: `t${r.tv}${r.node}`,
    priority: `p${r.pv}${r.node}`,
    fieldVersions: { title: stamp(r.tv, r.node), priority: stamp(r.pv, r.node) },
  });

  it('is commutative, idempotent and keeps the newer value of each field', () => {
    fc.assert(
      fc.property(row, row, (x, y) => {
        const a = build(x);
        const b = build(y);
        expect(mergeRows(a, b)).toEqual(mergeRows(b, a));
        expect(mergeRows(mergeRows(a, b), b)).toEqual(mergeRows(a, b));
        const merged = mergeRows(a, b);
        expect(merged.title).toBe(a.fieldVersions.title >= b.fieldVersions.title ? a.title : b.title);
      }),
    );
  });

  it('keeps a pending local edit when an older copy is pulled', () => {
    const local = { title: 'mine', fieldVersions: { title: stamp(20, 'a') } };
    const pulled = { title: 'older', fieldVersions: { title: stamp(10, 'b') } };
    expect(mergeRows(local, pulled).title).toBe('mine');
  });
});

describe('restoreRow (repairing a diverged copy)', () => {
  it('takes the server’s value where a local field was changed under the same stamp', () => {
    const server = {
      title: 'real',
      priority: 'P2',
      updatedAt: '2026-01-01',
      fieldVersions: { title: stamp(10, 'a'), priority: stamp(10, 'a') },
    };
    const tampered = { ...server, title: 'edited behind our back', updatedAt: '2099-01-01' };
    expect(restoreRow(server, tampered)).toEqual(server);
    // The ordinary merge keeps the local value: equal stamps look like the same write.
    expect(mergeRows(tampered, server).title).toBe('edited behind our back');
  });

  it('keeps local fields written after the server’s copy (changes waiting to be pushed)', () => {
    const server = {
      title: 'old',
      priority: 'P2',
      updatedAt: '2026-01-01',
      fieldVersions: { title: stamp(10, 'a'), priority: stamp(10, 'a') },
    };
    const local = {
      title: 'mine',
      priority: 'P4',
      updatedAt: '2026-01-02',
      fieldVersions: { title: stamp(20, 'b'), priority: stamp(10, 'a') },
    };
    // updatedAt is the time of the newest write kept (lastWriteAt), not whichever copy said later.
    expect(restoreRow(server, local)).toEqual({ ...server, title: 'mine', updatedAt: hlcToIso(stamp(20, 'b')), fieldVersions: local.fieldVersions });
  });

  it('equals the merge whenever the copies hold no same-stamp difference (property)', () => {
    const row = fc.record({ tv: fc.integer({ min: 0, max: 9 }), pv: fc.integer({ min: 0, max: 9 }), node: fc.constantFrom('a', 'b') });
    const build = (r: { tv: number; pv: number; node: string }) => ({
      title: `t${r.tv}${r.node}`,
      priority: `p${r.pv}${r.node}`,
      fieldVersions: { title: stamp(r.tv, r.node), priority: stamp(r.pv, r.node) },
    });
    fc.assert(
      fc.property(row, row, (x, y) => {
        expect(restoreRow(build(x), build(y))).toEqual(mergeRows(build(x), build(y)));
      }),
    );
  });
});
