import { foldText } from '../../shared/textFold';
import type { Db } from '../store/database';
import { stmt } from '../store/statements';

/** The trigram indexes of titles (migration 0004): of all incidents, and of the open ones. */
export type TitleIndex = 'incident_search' | 'incident_search_open';

/**
 * How the titles containing a text are selected from a trigram index: SQL returning their rowids
 * (the SLA cache's), with its parameters. Titles and text compare folded (`foldText`): the
 * indexes and `incident_search_text` hold folded titles (migration 0005).
 *
 * A quoted phrase of trigrams is exactly a substring match, but it costs the index every one of
 * its trigrams' lists: a long phrase of common trigrams ("website onbereikbaar", 18 of them) reads
 * most of the index. Such a phrase asks the index for its rarest trigram only and checks the
 * folded text of the titles that have it, as pg_trgm rechecks its candidates. Which way is
 * cheaper is judged from how many titles hold each trigram; those counts only steer the choice
 * (both ways give the same titles), so they are cached for a few minutes. Text under three
 * characters has no trigram: the folded titles are scanned.
 */
export function titleMatch(db: Db, index: TitleIndex, text: string): { sql: string; params: string[] } {
  const folded = foldText(text);
  const grams = trigramsOf(folded);
  if (grams.length === 0) {
    const open = index === 'incident_search_open';
    return {
      sql: open
        ? `SELECT s.rowid FROM incident_sla s JOIN incident_search_text x ON x.rowid = s.rowid WHERE s.open = 1 AND instr(x.text, ?) > 0`
        : `SELECT rowid FROM incident_search_text WHERE instr(text, ?) > 0`,
      params: [folded],
    };
  }
  const phrase = { sql: `SELECT rowid FROM ${index} WHERE ${index} MATCH ?`, params: [phraseOf(folded)] };
  // Up to three trigrams the phrase reads at most three lists: never dearer than a recheck.
  if (grams.length <= 3) return phrase;
  const counts = grams.map((gram) => ({ gram, titles: titlesWith(db, index, gram) })).sort((a, b) => a.titles - b.titles);
  const rarest = counts[0] as { gram: string; titles: number };
  const phraseCost = counts.reduce((sum, c) => sum + c.titles, 0);
  if (rarest.titles * (1 + RECHECK_COST) >= phraseCost) return phrase;
  return {
    sql: `SELECT f.rowid FROM ${index} f JOIN incident_search_text x ON x.rowid = f.rowid WHERE f.${index} MATCH ? AND instr(x.text, ?) > 0`,
    params: [phraseOf(rarest.gram), folded],
  };
}

/** Checking one candidate's text costs about as much as reading eight entries of a trigram list. */
const RECHECK_COST = 8;

/** The text as one FTS5 phrase: quotes and query syntax are text, not operators. */
export function phraseOf(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The distinct trigrams of folded text, by code point (as the trigram tokenizer cuts them). */
export function trigramsOf(folded: string): string[] {
  const chars = Array.from(folded);
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams];
}

const STATS_TTL_MS = 5 * 60_000;
const stats = new WeakMap<Db, Map<string, { titles: number; at: number }>>();
const withVocab = new WeakMap<Db, Set<TitleIndex>>();

/** How many titles in the index hold the trigram: counted once, then cached for a few minutes. */
function titlesWith(db: Db, index: TitleIndex, gram: string): number {
  let cache = stats.get(db);
  if (!cache) stats.set(db, (cache = new Map()));
  const key = `${index}\u0000${gram}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < STATS_TTL_MS) return hit.titles;
  let vocabs = withVocab.get(db);
  if (!vocabs) withVocab.set(db, (vocabs = new Set()));
  if (!vocabs.has(index)) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${index}_vocab USING fts5vocab(main, ${index}, row)`);
    vocabs.add(index);
  }
  const row = stmt(db, `SELECT doc FROM temp.${index}_vocab WHERE term = ?`).get(gram) as { doc: number } | undefined;
  const titles = row?.doc ?? 0;
  cache.set(key, { titles, at: now });
  return titles;
}
