import type { Closure } from './calendar';

/**
 * Adding closures (from an iCal import) to the ones a contract has: a closure that is already
 * there is left out rather than doubled, so importing the same holiday calendar twice changes
 * nothing. Two closures are the same when they close the same time: same kind and same range.
 * The label is only a name ("Kerstavond" and "Christmas Eve" on 24 December are one closure).
 */

/** The range a closure covers, as a comparable key. */
export function closureKey(closure: Closure): string {
  if (closure.kind === 'days') return `days|${closure.from}|${closure.to}`;
  return `span|${spanEnd(closure.start)}|${spanEnd(closure.end)}`;
}

/** `…T12:00` and `…T12:00:00` are one reading; an absolute time is compared as the instant it is. */
function spanEnd(text: string): string {
  if (/(Z|[+-]\d{2}:\d{2})$/.test(text)) return `@${Date.parse(text)}`;
  return text.length === 16 ? `${text}:00` : text;
}

export interface ClosureMerge {
  /** The existing closures, then the new ones, in the order given. */
  closures: Closure[];
  /** The incoming closures that were new. */
  added: Closure[];
  /** The incoming closures left out: already present, or repeated within the incoming list. */
  duplicates: Closure[];
}

export function mergeClosures(existing: readonly Closure[], incoming: readonly Closure[]): ClosureMerge {
  const seen = new Set(existing.map(closureKey));
  const added: Closure[] = [];
  const duplicates: Closure[] = [];
  for (const closure of incoming) {
    const key = closureKey(closure);
    if (seen.has(key)) duplicates.push(closure);
    else {
      seen.add(key);
      added.push(closure);
    }
  }
  return { closures: [...existing, ...added], added, duplicates };
}
