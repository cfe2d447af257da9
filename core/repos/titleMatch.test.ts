import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed';
import type { Engine } from '../engine/engine';
import { testEngine } from '../testSupport';
import { phraseOf, type TitleIndex, titleMatch, trigramsOf } from './titleMatch';

/**
 * Both ways of finding titles (one phrase over every trigram, or the rarest trigram rechecked
 * against the folded text) must select exactly the same incidents.
 */
let engine: Engine;
let titles: string[];

beforeAll(() => {
  ({ engine } = testEngine(Date.now()));
  seedDemo(engine, { seed: 5, clients: 4, incidents: 400 });
  titles = engine.db.prepare('SELECT DISTINCT title FROM incidents').pluck().all() as string[];
}, 60_000);
afterAll(() => engine?.close());

const rowids = (sql: string, params: unknown[]) =>
  (
    engine.db
      .prepare(sql)
      .pluck()
      .all(...params) as number[]
  ).sort((a, b) => a - b);

describe('titleMatch', () => {
  it('selects what the whole phrase selects, on whichever plan it picks', () => {
    const plans = new Set<string>();
    const piece = fc
      .record({ title: fc.constantFrom(...titles), start: fc.nat(40), length: fc.integer({ min: 1, max: 30 }), upper: fc.boolean() })
      .map(({ title, start, length, upper }) => {
        const s = Array.from(title);
        const text = s.slice(start % s.length, (start % s.length) + length).join('');
        return upper ? text.toUpperCase() : text;
      });
    // Pieces of two titles joined: their trigrams are in the index, the whole often in no title.
    const text = fc.oneof(
      piece,
      fc.tuple(piece, piece).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(text, fc.constantFrom<TitleIndex>('incident_search', 'incident_search_open'), (text, index) => {
        const match = titleMatch(engine.db, index, text);
        plans.add(match.sql.includes('instr') ? 'recheck' : 'phrase');
        const whole = rowids(`SELECT rowid FROM ${index} WHERE ${index} MATCH ?`, [phraseOf(text)]);
        expect(rowids(match.sql, match.params)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
    expect([...plans].sort()).toEqual(['phrase', 'recheck']);
  });

  it('rechecks a long phrase of common trigrams, and finds titles across case and accents', () => {
    const id = '01900000-0000-7000-8000-00000000beef';
    const clientId = engine.db.prepare('SELECT id FROM clients LIMIT 1').pluck().get() as string;
    engine.mutate('incident.create', {
      id,
      clientId,
      title: 'Crème brûlée-pagina geeft foutmelding bij betaling',
      description: '',
      priority: 'P3',
    });
    const match = titleMatch(engine.db, 'incident_search', 'BRULEE-PAGINA GEEFT FOUTMELDING');
    expect(match.sql).toContain('instr');
    const found = engine.db
      .prepare(`SELECT s.incident_id FROM incident_sla s WHERE s.rowid IN (${match.sql})`)
      .pluck()
      .all(...match.params);
    expect(found).toEqual([id]);
  });

  it('cuts trigrams by code point, without repeats', () => {
    expect(trigramsOf('abcab')).toEqual(['abc', 'bca', 'cab']);
    expect(trigramsOf('a😀bc')).toEqual(['a😀b', '😀bc']);
    expect(trigramsOf('ab')).toEqual([]);
  });
});
