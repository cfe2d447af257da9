import type { SlaClock } from './clocks';
import type { CompiledCalendar } from './compiled';
import { closuresBetween, nextCoveredInstant } from './compiled';
import { WEEKDAYS } from './calendar';
import type { ClosureHit } from './yearSpan';
import { DAY_MS, HOUR_MS, MINUTE_MS, localDayIndex, utcToLocal, weekdayOfDay } from './zone';

/**
 * A clock in one sentence for people, in Dutch or English, with times in the calendar's zone:
 *   due Mon 29 Dec 10:00 — 10 business hours from Tue 23 Dec 16:00; skips Christmas Day and
 *   Boxing Day (25–26 Dec) and the weekend; paused 2 h 10 m waiting on client
 * The sentence is assembled from Intl parts rather than Intl's own patterns, whose commas and
 * periods differ between ICU versions; the words are ours, so tests can pin them.
 */

export type ExplainLanguage = 'nl' | 'en';

const WORDS = {
  en: {
    none: 'no target (best effort)',
    due: 'due',
    atRisk: 'at risk, due',
    left: (d: string) => `${d} left`,
    breached: 'breached',
    paused: (since: string, left: string, target: string) => `paused waiting on client since ${since} — ${left} of ${target} left`,
    met: (kind: 'response' | 'resolution', at: string, used: string, target: string) =>
      `met — ${kind === 'response' ? 'answered' : 'resolved'} ${at} after ${used} of ${target}`,
    stopped: (kind: 'response' | 'resolution', at: string) => `${kind === 'response' ? 'answered' : 'resolved'} ${at}`,
    from: 'from',
    countingFrom: 'counting from',
    skips: (list: string) => `skips ${list}`,
    and: 'and',
    weekends: (n: number) => (n === 1 ? 'the weekend' : `${n} weekends`),
    pausedFor: (d: string) => `paused ${d} waiting on client`,
    businessHours: (h: number) => (h === 1 ? '1 business hour' : `${h} business hours`),
    businessTime: (d: string) => `${d} of business hours`,
    hours: (h: number) => (h === 1 ? '1 hour' : `${h} hours`),
    hourUnit: 'h',
  },
  nl: {
    none: 'geen norm (best effort)',
    due: 'uiterlijk',
    atRisk: 'in gevaar, uiterlijk',
    left: (d: string) => `nog ${d}`,
    breached: 'verlopen',
    paused: (since: string, left: string, target: string) => `gepauzeerd, wacht op klant sinds ${since} — nog ${left} van ${target}`,
    met: (kind: 'response' | 'resolution', at: string, used: string, target: string) =>
      `gehaald — ${kind === 'response' ? 'beantwoord' : 'opgelost'} ${at} na ${used} van ${target}`,
    stopped: (kind: 'response' | 'resolution', at: string) => `${kind === 'response' ? 'beantwoord' : 'opgelost'} ${at}`,
    from: 'vanaf',
    countingFrom: 'telt vanaf',
    skips: (list: string) => `slaat ${list} over`,
    and: 'en',
    weekends: (n: number) => (n === 1 ? 'het weekend' : `${n} weekenden`),
    pausedFor: (d: string) => `${d} gepauzeerd in afwachting van de klant`,
    businessHours: (h: number) => (h === 1 ? '1 kantooruur' : `${h} kantooruren`),
    businessTime: (d: string) => `${d} kantoortijd`,
    hours: (h: number) => `${h} uur`,
    hourUnit: 'u',
  },
} as const;

/** `nl`, `nl-NL`, `nl-BE` → Dutch; anything else → English. */
export function explainLanguage(locale: string): ExplainLanguage {
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

function intlLocale(lang: ExplainLanguage): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}

/** `2 h 10 m` / `2 u 10 m`, rounded to the minute; hours are not folded into days on purpose (SLA targets are in hours). */
export function formatDuration(ms: number, locale: string): string {
  const unit = WORDS[explainLanguage(locale)].hourUnit;
  const minutes = Math.round(Math.abs(ms) / MINUTE_MS);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const sign = ms < 0 && minutes > 0 ? '−' : '';
  if (h === 0) return `${sign}${m} m`;
  return m === 0 ? `${sign}${h} ${unit}` : `${sign}${h} ${unit} ${m} m`;
}

/** `Mon 29 Dec 10:00` / `ma 29 dec 10:00` in `timeZone`. */
export function formatInstant(ms: number, timeZone: string, locale: string): string {
  const parts = partsOf(ms, timeZone, locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.hour}:${parts.minute}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function partsOf(ms: number, timeZone: string, locale: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  const key = `${explainLanguage(locale)}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(explainLanguage(locale)), { ...options, timeZone });
    formats.set(key, format);
  }
  for (const p of format.formatToParts(ms)) out[p.type] = p.value.replace(/\.$/, '');
  return out;
}

function targetPhrase(targetMs: number, cal: CompiledCalendar, lang: ExplainLanguage): string {
  const w = WORDS[lang];
  const whole = targetMs % HOUR_MS === 0;
  if (cal.alwaysOpen) return whole ? w.hours(targetMs / HOUR_MS) : formatDuration(targetMs, lang);
  return whole ? w.businessHours(targetMs / HOUR_MS) : w.businessTime(formatDuration(targetMs, lang));
}

/** `25–26 Dec`, `25 Dec`, `31 Dec – 1 Jan` for local dates `YYYY-MM-DD`. */
function dateRange(first: string, last: string, lang: ExplainLanguage): string {
  const a = partsOf(Date.parse(`${first}T00:00:00Z`), 'UTC', lang, { day: 'numeric', month: 'short' });
  const b = partsOf(Date.parse(`${last}T00:00:00Z`), 'UTC', lang, { day: 'numeric', month: 'short' });
  if (first === last) return `${a.day} ${a.month}`;
  if (a.month === b.month) return `${a.day}–${b.day} ${b.month}`;
  return `${a.day} ${a.month} – ${b.day} ${b.month}`;
}

/** Closures grouped into runs of consecutive dates, each "Name and Name (25–26 Dec)". */
function closurePhrases(hits: ClosureHit[], lang: ExplainLanguage): string[] {
  const groups: { first: string; last: string; names: string[] }[] = [];
  for (const h of hits) {
    const g = groups[groups.length - 1];
    const name = h.names[lang];
    if (g && Date.parse(h.firstDate) - Date.parse(g.last) <= DAY_MS) {
      if (h.lastDate > g.last) g.last = h.lastDate;
      if (!g.names.includes(name)) g.names.push(name);
    } else groups.push({ first: h.firstDate, last: h.lastDate, names: [name] });
  }
  return groups.map((g) => `${joinWords(g.names, lang)} (${dateRange(g.first, g.last, lang)})`);
}

/** Runs of local days in [from, to] on which the week has no business hours at all. */
function weekendRuns(cal: CompiledCalendar, from: number, to: number): number {
  if (cal.def.kind !== 'business') return 0;
  const week = cal.def.week;
  const closedDay = (day: number) => (week[WEEKDAYS[weekdayOfDay(day)]!] ?? []).length === 0;
  let runs = 0;
  let inRun = false;
  for (let day = localDayIndex(utcToLocal(cal.timeZone, from)); day <= localDayIndex(utcToLocal(cal.timeZone, to)); day++) {
    if (closedDay(day) && !inRun) runs++;
    inRun = closedDay(day);
  }
  return runs;
}

function joinWords(items: string[], lang: ExplainLanguage): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${WORDS[lang].and} ${items[items.length - 1]}`;
}

/**
 * Explains `clock` for a person. `calendars` are the contract's compiled calendars (the clock
 * names its own); `locale` picks Dutch (`nl…`) or English.
 */
export function explainClock(clock: SlaClock, calendars: Readonly<Record<string, CompiledCalendar>>, locale: string, now: number): string {
  const lang = explainLanguage(locale);
  const w = WORDS[lang];
  if (clock.state === 'none' || clock.targetMs === null || clock.calendar === null) return w.none;
  const cal = calendars[clock.calendar];
  if (!cal) return w.none;
  const at = (ms: number) => formatInstant(ms, cal.timeZone, lang);
  const target = targetPhrase(clock.targetMs, cal, lang);

  if (clock.state === 'met' && clock.stoppedAt !== null)
    return w.met(clock.kind, at(clock.stoppedAt), formatDuration(clock.elapsedMs, lang), target);
  if (clock.state === 'paused') {
    const since = clock.pauses[clock.pauses.length - 1]?.from ?? now;
    return w.paused(at(since), formatDuration(clock.remainingMs ?? 0, lang), target);
  }

  const end = clock.dueAt ?? now;
  let head: string;
  if (clock.state === 'breached') head = `${w.breached} ${at(clock.breachedAt ?? end)}`;
  else if (clock.state === 'at_risk') head = `${w.atRisk} ${at(end)} (${w.left(formatDuration(clock.remainingMs ?? 0, lang))})`;
  else head = `${w.due} ${at(end)}`;

  const details: string[] = [];
  const firstCovered = nextCoveredInstant(cal, clock.startedAt);
  if (firstCovered > clock.startedAt) details.push(`${w.countingFrom} ${at(firstCovered)}`);
  const skipped = closurePhrases(closuresBetween(cal, clock.startedAt, end), lang);
  const weekends = weekendRuns(cal, clock.startedAt, end);
  if (weekends > 0) skipped.push(w.weekends(weekends));
  if (skipped.length > 0) details.push(w.skips(joinWords(skipped, lang)));
  if (clock.pausedMs > 0) details.push(w.pausedFor(formatDuration(clock.pausedMs, lang)));
  if (clock.state === 'breached' && clock.stoppedAt !== null) details.push(w.stopped(clock.kind, at(clock.stoppedAt)));
  return [`${head} — ${target} ${w.from} ${at(clock.startedAt)}`, ...details].join('; ');
}
