/**
 * Wall-clock times in a contract's own time zone. A contract may be kept in another zone than the
 * agency's, and its editor speaks in that zone: "reported Friday 16:55" means 16:55 there.
 */

const partsCache = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsCache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(timeZone, format);
  }
  return format;
}

export interface WallTime {
  /** `YYYY-MM-DD` */
  date: string;
  /** Minutes since local midnight. */
  minute: number;
}

/** The wall-clock reading of an instant in a zone. */
export function wallTime(ms: number, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of partsFormat(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallTime(ms, timeZone);
  const [y, mo, d] = w.date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, Math.floor(w.minute / 60), w.minute % 60);
  return asUtc - Math.floor(ms / 60_000) * 60_000;
}

/** `YYYY-MM-DDTHH:mm` read in `timeZone` → an ISO instant; null when the text is not a date-time. */
export function wallToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  try {
    // Two rounds settle the offset, also next to a daylight-saving change.
    let ms = guess - offsetAt(guess, timeZone);
    ms = guess - offsetAt(ms, timeZone);
    return new Date(ms).toISOString();
  } catch {
    return null; // an unknown zone: the editor shows the zone's own error
  }
}

/** Today's date (`YYYY-MM-DD`) in a zone. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return wallTime(now, timeZone).date;
}

/** `YYYY-MM-DD` plus whole days. */
export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7; // Monday 0
  return addDays(date, -weekday);
}

/** Day of the week of a date, Monday 0 … Sunday 6. */
export function weekdayIndex(date: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
