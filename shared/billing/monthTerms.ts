import type { Contract } from '../domain/contract';
import { contractInForce } from '../domain/slaInputs';
import { type BillableEntry, type BilledLine, billedLines } from './rounding';
import { monthOfInstant } from './month';
import { billingTermsOf, type BillingTerms } from './terms';

/**
 * Which contract version bills a month. A change of terms (a new increment, another cost model)
 * starts on a date; billing uses, for each month, **the version in force on the month's first
 * day** — a version that starts on the 15th bills from the next month. A month before any version
 * started (a client whose first contract starts mid-month) is billed by the first version that
 * starts in it. Earlier months without any version have no terms (null).
 */

type Version = Pick<Contract, 'effectiveFrom' | 'createdAt' | 'terms'>;

const later = (a: Version, b: Version) => a.effectiveFrom > b.effectiveFrom || (a.effectiveFrom === b.effectiveFrom && a.createdAt > b.createdAt);

/** The version billing `month` (`YYYY-MM`), or null when none has started by the month's end. */
export function versionForMonth<V extends Version>(versions: readonly V[], month: string): V | null {
  const first = `${month}-01`;
  let best: V | null = null;
  for (const v of versions) if (v.effectiveFrom <= first && (!best || later(v, best))) best = v;
  if (best) return best;
  // None in force on the 1st: the earliest version starting within the month.
  for (const v of versions) if (v.effectiveFrom.slice(0, 7) === month && (!best || later(best, v))) best = v;
  return best;
}

/** The billing terms of `month` (defaults filled in), or null without a version. */
export function termsForMonth(versions: readonly Version[], month: string): BillingTerms | null {
  const v = versionForMonth(versions, month);
  return v ? billingTermsOf(v.terms) : null;
}

/** Rounding options when a month has no contract: every minute, in UTC. */
const NO_CONTRACT = { incrementMinutes: 1, timeZone: 'UTC' };

/**
 * `billedLines` with each month rounded by its own contract version: an entry's month is read on
 * the wall clock of the version in force when it started, then all entries of a month are rounded
 * at the increment (and in the zone) of the version billing that month.
 */
export function billedLinesByMonth(entries: readonly BillableEntry[], versions: readonly Version[]): BilledLine[] {
  const groups = new Map<string, { options: typeof NO_CONTRACT; entries: BillableEntry[] }>();
  const first = versions.reduce<Version | null>((a, v) => (!a || later(a, v) ? v : a), null);
  // A month's terms are the same for each of its entries: read them once (10,000 entries, a few months).
  const optionsOf = new Map<string, typeof NO_CONTRACT>();
  for (const e of entries) {
    const atStart = contractInForce(versions, e.startedAt) ?? first;
    const month = monthOfInstant(Date.parse(e.startedAt), atStart?.terms.timeZone ?? 'UTC');
    let options = optionsOf.get(month);
    if (!options) {
      const terms = termsForMonth(versions, month);
      options = terms ? { incrementMinutes: terms.incrementMinutes, timeZone: terms.timeZone } : NO_CONTRACT;
      optionsOf.set(month, options);
    }
    const key = `${options.incrementMinutes}|${options.timeZone}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { options, entries: [] }));
    group.entries.push(e);
  }
  if (groups.size <= 1) {
    const only = [...groups.values()][0];
    return only ? billedLines(only.entries, only.options) : [];
  }
  const lines = [...groups.values()].flatMap((g) => billedLines(g.entries, g.options));
  return lines.sort((a, b) => (a.month !== b.month ? (a.month < b.month ? -1 : 1) : 0));
}
