import { describe, expect, it } from 'vitest';
import type { Closure } from './calendar';
import { closureKey, mergeClosures } from './closureMerge';

const christmasEve: Closure = { kind: 'days', from: '2026-12-24', to: '2026-12-24', label: 'Kerstavond' };
const summer: Closure = { kind: 'days', from: '2026-07-27', to: '2026-08-07', label: 'Zomersluiting' };
const teamDay: Closure = { kind: 'span', start: '2026-06-12T12:00', end: '2026-06-12T17:30', label: 'Teamuitje' };

describe('mergeClosures', () => {
  it('adds new closures after the existing ones and leaves out those already there, whatever their label', () => {
    const incoming: Closure[] = [{ ...christmasEve, label: 'Christmas Eve' }, summer];
    const merged = mergeClosures([christmasEve, teamDay], incoming);
    expect(merged.added).toEqual([summer]);
    expect(merged.duplicates).toEqual([{ ...christmasEve, label: 'Christmas Eve' }]);
    expect(merged.closures).toEqual([christmasEve, teamDay, summer]);
  });

  it('leaves out an event repeated within the import', () => {
    const merged = mergeClosures([], [summer, { ...summer, label: undefined }]);
    expect(merged.added).toEqual([summer]);
    expect(merged.duplicates).toHaveLength(1);
  });

  it('keeps closures that only overlap: a different range is a different closure', () => {
    const merged = mergeClosures([summer], [{ kind: 'days', from: '2026-07-27', to: '2026-07-31' }]);
    expect(merged.added).toHaveLength(1);
    expect(merged.duplicates).toEqual([]);
  });

  it('reads a span the way the calendar does: seconds optional, absolute times as instants', () => {
    expect(closureKey({ kind: 'span', start: '2026-06-12T12:00:00', end: '2026-06-12T17:30:00' })).toBe(closureKey(teamDay));
    const utc: Closure = { kind: 'span', start: '2026-06-01T08:00:00Z', end: '2026-06-01T10:00:00Z' };
    const offset: Closure = { kind: 'span', start: '2026-06-01T10:00+02:00', end: '2026-06-01T12:00+02:00' };
    expect(closureKey(offset)).toBe(closureKey(utc));
    // A local reading is in the contract's zone, so it is not the same as any absolute one.
    expect(closureKey({ kind: 'span', start: '2026-06-01T08:00', end: '2026-06-01T10:00' })).not.toBe(closureKey(utc));
    expect(closureKey({ kind: 'days', from: '2026-06-12', to: '2026-06-12' })).not.toBe(closureKey(teamDay));
  });
});
