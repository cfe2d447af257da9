import { VangnetError } from '../errors';
import { englishIcalReason, type IcalReasonCode, type MessageParams } from '../messages/catalog';
import type { Closure } from './calendar';
import { Closure as ClosureSchema } from './calendar';
import { DAY_MS, isTimeZone, localToUtc } from './zone';

/**
 * Turns the VEVENTs of an iCalendar file (RFC 5545) into calendar closures: all-day events become
 * whole-day closures, timed events date-time spans. A small parser of our own, because the common
 * npm one (node-ical) needs Node APIs and shared/ is pure; closures need only DTSTART, DTEND or
 * DURATION, SUMMARY, STATUS and a simple yearly RRULE, so the rest of the format is skipped.
 *
 * Times: `…Z` is absolute; `TZID=` an IANA zone (or a common Windows name, as Outlook writes)
 * is converted to UTC here; a TZID we don't know, and floating times, are read as wall clock in
 * the calendar's own zone, with a warning for the unknown TZID.
 */

/** An event not imported, or imported with an assumption: why as a code (shown translated) and in English (the CLI). */
export interface IcalNote {
  summary: string;
  code: IcalReasonCode;
  params?: MessageParams;
  reason: string;
}

type Note = (code: IcalReasonCode, params?: MessageParams) => void;

function icalNote(summary: string, code: IcalReasonCode, params?: MessageParams): IcalNote {
  return { summary, code, ...(params ? { params } : {}), reason: englishIcalReason(code, params) };
}

export interface IcalImport {
  closures: Closure[];
  /** Events not imported, and notes about ones imported with an assumption. */
  skipped: IcalNote[];
}

export interface IcalOptions {
  /** The calendar's zone, for floating times. */
  timeZone: string;
  /** Yearly recurrences are expanded up to and including this year. */
  untilYear: number;
}

/** Outlook and Exchange write Windows zone names; these cover the agencies this tool is for. */
const WINDOWS_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Amsterdam',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'GMT Standard Time': 'Europe/London',
  UTC: 'UTC',
};

interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}

interface When {
  allDay: boolean;
  /** Wall-clock reading as local ms (see zone.ts) in `zone`. */
  local: number;
  /** The reading's zone; null for all-day and floating times, which belong to the calendar's zone. */
  zone: string | null;
}

/** Parses `text`; throws `invalid_args` only when it is not an iCalendar at all. */
export function importIcal(text: string, options: IcalOptions): IcalImport {
  if (!isTimeZone(options.timeZone)) throw new VangnetError('invalid_args', 'sla.timeZone', { zone: options.timeZone });
  const lines = text
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n');
  if (!lines.some((l) => l.trim().toUpperCase() === 'BEGIN:VCALENDAR'))
    throw new VangnetError('invalid_args', 'sla.notCalendar');
  const out: IcalImport = { closures: [], skipped: [] };
  let event: Prop[] | null = null;
  let depth = 0; // components nested inside the event (VALARM) are not the event's own
  for (const line of lines) {
    if (line.trim() === '') continue;
    const prop = parseLine(line);
    if (!prop) continue;
    if (prop.name === 'BEGIN') {
      if (prop.value.toUpperCase() === 'VEVENT' && event === null) event = [];
      else if (event !== null) depth++;
    } else if (prop.name === 'END') {
      if (event !== null && depth > 0) depth--;
      else if (event !== null && prop.value.toUpperCase() === 'VEVENT') {
        importEvent(event, options, out);
        event = null;
      }
    } else if (event !== null && depth === 0) event.push(prop);
  }
  return out;
}

function parseLine(line: string): Prop | null {
  // The value starts at the first colon outside a quoted parameter value.
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [name = '', ...rawParams] = line.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const p of rawParams) {
    const eq = p.indexOf('=');
    if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
  }
  return { name: name.toUpperCase(), params, value: line.slice(colon + 1) };
}

function unescapeText(s: string): string {
  return s.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? ' ' : c)).trim();
}

function importEvent(props: Prop[], options: IcalOptions, out: IcalImport): void {
  const get = (name: string) => props.find((p) => p.name === name);
  const summary = unescapeText(get('SUMMARY')?.value ?? '').slice(0, 200);
  const skip = (code: IcalReasonCode, params?: MessageParams): void => {
    out.skipped.push(icalNote(summary || '(no summary)', code, params));
  };
  if (get('STATUS')?.value.toUpperCase() === 'CANCELLED') return skip('cancelled');
  const dtstart = get('DTSTART');
  if (!dtstart) return skip('noStart');
  const start = parseWhen(dtstart, options, skip);
  if (!start) return skip('badStart', { value: dtstart.value });

  let end: When | null;
  const dtend = get('DTEND');
  const duration = get('DURATION');
  if (dtend) end = parseWhen(dtend, options, skip);
  else if (duration) end = addDuration(start, duration.value);
  else end = start.allDay ? addDuration(start, 'P1D') : null;
  if (!end) return skip(dtend || duration ? 'badEnd' : 'noEnd');
  if (end.allDay !== start.allDay) return skip('mixedKinds');
  if (!(instant(end, options) > instant(start, options))) return skip('inverted');

  const label = summary || undefined;
  const occurrences = expandYearly(
    start,
    end,
    get('RRULE')?.value,
    props.filter((p) => p.name === 'EXDATE'),
    options,
    skip,
  );
  for (const [s, e] of occurrences) {
    // Both ends local when both are in the calendar's zone, else both absolute (the schema wants one kind).
    const local = s.zone === null && e.zone === null;
    const closure: Closure = s.allDay
      ? { kind: 'days', from: isoDate(s.local), to: isoDate(e.local - DAY_MS), ...(label ? { label } : {}) }
      : local
        ? { kind: 'span', start: isoLocal(s.local), end: isoLocal(e.local), ...(label ? { label } : {}) }
        : { kind: 'span', start: isoUtc(instant(s, options)), end: isoUtc(instant(e, options)), ...(label ? { label } : {}) };
    if (ClosureSchema.safeParse(closure).success) out.closures.push(closure);
    else skip('outsideYears', { date: isoDate(s.local) });
  }
}

function instant(w: When, options: IcalOptions): number {
  return localToUtc(w.zone ?? options.timeZone, w.local);
}

function parseWhen(p: Prop, options: IcalOptions, note: Note): When | null {
  const v = p.value.trim();
  const date = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (date) return { allDay: true, local: Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])), zone: null };
  const dt = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(v);
  if (!dt) return null;
  const local = Date.UTC(Number(dt[1]), Number(dt[2]) - 1, Number(dt[3]), Number(dt[4]), Number(dt[5]), Number(dt[6]));
  if (dt[7] === 'Z') return { allDay: false, local, zone: 'UTC' };
  const tzid = p.params.TZID;
  const zone = tzid === undefined ? undefined : isTimeZone(tzid) ? tzid : WINDOWS_ZONES[tzid];
  if (tzid !== undefined && zone === undefined) note('timeZone', { zone: tzid, contractZone: options.timeZone });
  return { allDay: false, local, zone: zone === undefined || zone === options.timeZone ? null : zone };
}

function addDuration(start: When, text: string): When | null {
  const m = /^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(text.trim());
  if (!m) return null;
  const [w, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number];
  // Added to the wall-clock reading: RFC 5545 days are nominal; hours across a DST change are
  // off by that hour, which for a closure is an acceptable simplification.
  return { ...start, local: start.local + ((w * 7 + d) * 24 * 3600 + h * 3600 + min * 60 + s) * 1000 };
}

/** Occurrences of an event: itself, plus yearly repeats for `RRULE:FREQ=YEARLY[;INTERVAL][;COUNT|UNTIL]`. */
function expandYearly(
  start: When,
  end: When,
  rrule: string | undefined,
  exdates: Prop[],
  options: IcalOptions,
  skip: Note,
): [When, When][] {
  if (rrule === undefined) return [[start, end]];
  const parts = Object.fromEntries(
    rrule
      .split(';')
      .map((kv) => kv.split('=') as [string, string])
      .map(([k, v]) => [k.toUpperCase(), v]),
  );
  const allowed = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYMONTH', 'BYMONTHDAY', 'WKST']);
  const startDate = new Date(start.local);
  const plain =
    parts.FREQ === 'YEARLY' &&
    Object.keys(parts).every((k) => allowed.has(k)) &&
    (parts.BYMONTH === undefined || Number(parts.BYMONTH) === startDate.getUTCMonth() + 1) &&
    (parts.BYMONTHDAY === undefined || Number(parts.BYMONTHDAY) === startDate.getUTCDate());
  if (!plain) {
    skip('recurrence', { rule: rrule });
    return [];
  }
  const interval = Math.max(1, Number(parts.INTERVAL ?? 1));
  const count = parts.COUNT === undefined ? Infinity : Number(parts.COUNT);
  const until = parts.UNTIL === undefined ? Infinity : untilMs(parts.UNTIL);
  const excluded = new Set(exdates.flatMap((p) => p.value.split(',')).map((v) => v.trim().slice(0, 8)));
  const out: [When, When][] = [];
  let made = 0;
  for (let year = startDate.getUTCFullYear(); year <= options.untilYear && made < count; year += interval) {
    const moved = new Date(start.local);
    moved.setUTCFullYear(year);
    if (moved.getUTCDate() !== startDate.getUTCDate()) continue; // 29 February in a common year: no occurrence (RFC 5545)
    const shift = moved.getTime() - start.local;
    const s = { ...start, local: start.local + shift };
    if (s.local > until) break;
    made++;
    if (excluded.has(isoDate(s.local).replace(/-/g, ''))) continue;
    out.push([s, { ...end, local: end.local + shift }]);
  }
  return out;
}

function untilMs(v: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(v);
  if (!m) return Infinity;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 23), Number(m[5] ?? 59), Number(m[6] ?? 59));
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
function isoLocal(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
function isoUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}
