import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed';
import type { Engine } from '../engine/engine';
import { testEngine } from '../testSupport';
import { foldText } from '../../shared/textFold';
import { phraseOf, type TitleIndex, titleMatch, trigramsOf } from './titleMatch';

/**
 * Every way of finding titles (one phrase over every trigram, the rarest trigram rechecked against
 * the folded text, or a scan of that text) must select exactly the titles that contain the text.
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
        // What "contains" means: the folded title holds the folded text.
        const open = index === 'incident_search_open' ? 'AND rowid IN (SELECT rowid FROM incident_sla WHERE open = 1)' : '';
        const expected = rowids(`SELECT rowid FROM incident_search_text WHERE instr(text, ?) > 0 ${open}`, [foldText(text)]);
        const match = titleMatch(engine.db, index, text);
        plans.add(match.sql.includes(' MATCH ') ? (match.sql.includes('instr') ? 'recheck' : 'phrase') : 'scan');
        expect(rowids(match.sql, match.params)).toEqual(expected);
        if (trigramsOf(foldText(text)).length)
          expect(rowids(`SELECT rowid FROM ${index} WHERE ${index} MATCH ?`, [phraseOf(foldText(text))])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    expect([...plans].sort()).toEqual(['phrase', 'recheck', 'scan']);
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
    // Accents outside Latin fold alike on every plan (SQLite's own folding would keep them).
    const other = '01900000-0000-7000-8000-00000000bee2';
    engine.mutate('incident.create', { id: other, clientId, title: 'Ёлка-server geeft foutmelding', description: '', priority: 'P3' });
    for (const text of ['ЕЛКА-SERVER GEEFT FOUTMELDING', 'елка', 'ел']) {
      const m = titleMatch(engine.db, 'incident_search', text);
      expect(
        engine.db
          .prepare(`SELECT s.incident_id FROM incident_sla s WHERE s.rowid IN (${m.sql})`)
          .pluck()
          .all(...m.params),
        text,
      ).toEqual([other]);
    }
  });

  it('cuts trigrams by code point, without repeats', () => {
    expect(trigramsOf('abcab')).toEqual(['abc', 'bca', 'cab']);
    expect(trigramsOf('a😀bc')).toEqual(['a😀b', '😀bc']);
    expect(trigramsOf('ab')).toEqual([]);
  });
});
