import { afterEach, describe, expect, it } from 'vitest';
import { mutationDigest } from '../../shared/sync/rollback';
import { appendOutbox, highestAssignedId, listOutbox } from '../repos/outbox';
import type { Engine } from '../engine/engine';
import { testEngine } from '../testSupport';
import { acknowledgePulled, acknowledgePushed, carryOver, isSetBack } from './rollback';

let engine: Engine;
afterEach(() => engine?.close());

function store(entries: number) {
  ({ engine } = testEngine());
  for (let i = 1; i <= entries; i += 1) {
    appendOutbox(engine.db, { clientId: 'me', name: 'client.create', args: { n: i }, hlc: `h${i}`, createdAt: '2026-03-02T09:00:00Z' });
  }
  return engine.db;
}
const ids = () => listOutbox(engine.db).map((e) => [e.mutationId, (e.args as { n: number }).n]);
const digestOf = (mutationId: number, n: number) => mutationDigest({ mutationId, name: 'client.create', args: { n }, hlc: `h${n}` });

describe('a laptop store set back in time', () => {
  it('is told from a store whose reply was lost by the server’s last id and its digest', () => {
    const db = store(3);
    expect(isSetBack(db, 3, digestOf(3, 3))).toBe(false); // our own mutation 3: a lost reply
    expect(isSetBack(db, 2, null)).toBe(false);
    expect(isSetBack(db, 3, digestOf(3, 99))).toBe(true); // the server's 3 is other content
    expect(isSetBack(db, 5, null)).toBe(true); // the server has ids this store never handed out
  });

  it('drops nothing on a pull that shows it was set back, and numbers new work after the server', () => {
    const db = store(2);
    acknowledgePulled(db, 5, null);
    expect(ids()).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(highestAssignedId(db)).toBe(5);
    acknowledgePulled(db, 2, digestOf(2, 2)); // once the server holds our own 2, both go
    expect(ids()).toEqual([]);
  });

  it('acknowledges no more than the batch a push carried', () => {
    const db = store(4);
    acknowledgePushed(db, 6, 2);
    expect(ids().map(([id]) => id)).toEqual([3, 4]);
    expect(highestAssignedId(db)).toBe(6);
  });

  it('renumbers new work after the server’s last id, in order, keeping the entries before it', () => {
    const db = store(5);
    expect(carryOver(db, { mutationId: 3, lastMutationId: 4 })).toBe(3);
    expect(ids()).toEqual([
      [1, 1],
      [2, 2],
      [5, 3],
      [6, 4],
      [7, 5],
    ]);
    appendOutbox(db, { clientId: 'me', name: 'client.create', args: { n: 6 }, hlc: 'h6', createdAt: '2026-03-02T09:00:00Z' });
    expect(ids().at(-1)).toEqual([8, 6]);
  });
});
