import { Bench } from 'tinybench';
// @ts-expect-error -- moment-business-time ships no type declarations; the shape used is declared below.
import mbtModule from 'moment-business-time';
import { computeClocks } from '../../shared/sla/clocks';
import { addCoveredMs, compileCalendar } from '../../shared/sla/compiled';
import type { IncidentEvent } from '../../shared/sla/policy';
import { publicHolidays } from '../../shared/sla/holidays';
import { OFFICE, compileAlways, testPolicy } from '../../shared/sla/testSupport';
import { type BenchRow, type BenchSection, taskRow } from './report';

interface BusinessMoment {
  addWorkingTime(n: number, unit: 'minutes'): BusinessMoment;
  valueOf(): number;
}
interface MomentWithBusinessTime {
  utc(ms: number): BusinessMoment;
  locale(): string;
  updateLocale(name: string, spec: { workinghours: Record<number, string[] | null>; holidays: string[] }): void;
}
const moment = mbtModule as MomentWithBusinessTime;

const MINUTE = 60_000;
const CASES = 1024;
/** Due dates per benchmark call: one call per due date would measure tinybench, not the engine. */
const BATCH_OURS = 1024;
const BATCH_PEER = 8;
const BATCH_CLOCKS = 256;

/** Seeded cases: minute-aligned starts over 2025–2026, targets of 1 minute to 40 business hours. */
function makeCases(): { start: number; minutes: number }[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const from = Date.UTC(2025, 0, 1) / MINUTE;
  const span = Date.UTC(2026, 11, 1) / MINUTE - from;
  return Array.from({ length: CASES }, () => ({
    start: (from + Math.floor(next() * span)) * MINUTE,
    minutes: 1 + Math.floor(next() * 2400),
  }));
}

/** Per-due-date figures from a task that computed `batch` due dates per call. */
function perDueDate(row: BenchRow, batch: number, name: string): BenchRow {
  return { ...row, name, opsPerSec: row.opsPerSec * batch, p50Ms: row.p50Ms / batch, p99Ms: row.p99Ms / batch };
}

/**
 * Due-date computation ("add N business minutes") on Mon–Fri 08:30–17:30 with NL public holidays.
 * The peer, moment-business-time, is the npm package most used for this; it has no time zones, so
 * the like-for-like comparison runs both in UTC on identical cases, checked to give identical
 * answers first. Vangnet's real case (Europe/Amsterdam, DST) is reported beside it.
 */
export async function benchSla(): Promise<BenchSection> {
  const cases = makeCases();
  const amsterdam = compileCalendar(OFFICE);
  const utc = compileCalendar({ ...OFFICE, timeZone: 'UTC' });

  const dayHours = ['08:30:00', '17:30:00'];
  const holidays = [2025, 2026, 2027].flatMap((y) => publicHolidays({ country: 'NL' }, y).map((h) => h.date));
  moment.updateLocale(moment.locale(), {
    workinghours: { 0: null, 1: dayHours, 2: dayHours, 3: dayHours, 4: dayHours, 5: dayHours, 6: null },
    holidays,
  });

  for (const c of cases.slice(0, 256)) {
    const ours = addCoveredMs(utc, c.start, c.minutes * MINUTE);
    const theirs = moment.utc(c.start).addWorkingTime(c.minutes, 'minutes').valueOf();
    if (ours !== theirs)
      throw new Error(
        `peer disagrees at ${new Date(c.start).toISOString()} + ${c.minutes} min: ${new Date(ours).toISOString()} vs ${new Date(theirs).toISOString()}`,
      );
  }
  // Compile the years up front: the benchmark measures the arithmetic, compilation is a one-off.
  for (const c of cases) addCoveredMs(amsterdam, c.start, c.minutes * MINUTE);

  let i = 0;
  let sink = 0;
  const bench = new Bench({ time: 2000, warmupTime: 300 });
  bench.add('vangnet amsterdam', () => {
    for (let k = 0; k < BATCH_OURS; k++) {
      const c = cases[i++ & (CASES - 1)]!;
      sink += addCoveredMs(amsterdam, c.start, c.minutes * MINUTE);
    }
  });
  bench.add('vangnet utc', () => {
    for (let k = 0; k < BATCH_OURS; k++) {
      const c = cases[i++ & (CASES - 1)]!;
      sink += addCoveredMs(utc, c.start, c.minutes * MINUTE);
    }
  });
  bench.add('peer utc', () => {
    for (let k = 0; k < BATCH_PEER; k++) {
      const c = cases[i++ & (CASES - 1)]!;
      sink += moment.utc(c.start).addWorkingTime(c.minutes, 'minutes').valueOf();
    }
  });
  // Both clocks of a P2 incident with an acknowledgement and a pause: what a list of open incidents costs per row.
  const policy = testPolicy();
  const calendars = { business: amsterdam, '24/7': compileAlways() };
  const histories: IncidentEvent[][] = cases.map((c) => [
    { kind: 'opened', at: c.start, priority: 'P2' },
    { kind: 'status', at: c.start + 20 * MINUTE, to: 'acknowledged' },
    { kind: 'status', at: c.start + 3 * 60 * MINUTE, to: 'waiting_on_client' },
    { kind: 'status', at: c.start + 26 * 60 * MINUTE, to: 'in_progress' },
  ]);
  bench.add('clocks', () => {
    for (let k = 0; k < BATCH_CLOCKS; k++) {
      const n = i++ & (CASES - 1);
      sink += computeClocks({ policy, calendars, events: histories[n]!, now: cases[n]!.start + 30 * 60 * MINUTE }).resolution.elapsedMs;
    }
  });
  await bench.run();
  if (sink === 0) throw new Error('benchmark computed nothing');
  const [ams, ours, peer, clocks] = bench.tasks.map(taskRow) as [BenchRow, BenchRow, BenchRow, BenchRow];
  const rows = [
    perDueDate(ams, BATCH_OURS, 'Vangnet addCoveredMs, Europe/Amsterdam (DST) + NL holidays'),
    perDueDate(ours, BATCH_OURS, 'Vangnet addCoveredMs, UTC + NL holidays'),
    perDueDate(peer, BATCH_PEER, 'moment-business-time addWorkingTime, UTC + NL holidays'),
    perDueDate(clocks, BATCH_CLOCKS, 'Vangnet computeClocks: both clocks of an incident with a pause, Amsterdam'),
  ] as [BenchRow, BenchRow, BenchRow, BenchRow];
  const ratio = (a: BenchRow, b: BenchRow) => (a.opsPerSec / b.opsPerSec).toFixed(0);
  return {
    title: 'SLA due dates: Vangnet vs moment-business-time',
    note:
      `Due instant of N business minutes (1 min to 40 business hours) from ${CASES} seeded starts over 2025–2026, Mon–Fri 08:30–17:30 with NL public holidays; ` +
      `years compiled beforehand. Figures are per due date, measured in batches of ${BATCH_OURS} (Vangnet) and ${BATCH_PEER} (peer). ` +
      'The peer has no time zones, so the like-for-like pair runs in UTC on identical cases (checked equal before timing).',
    rows,
    ratios: [
      `Vangnet computes ${ratio(rows[1], rows[2])}× as many due dates per second as moment-business-time on the same cases (${Math.round(rows[1].opsPerSec).toLocaleString('en-US')} vs ${Math.round(rows[2].opsPerSec).toLocaleString('en-US')})`,
      `in Europe/Amsterdam, with DST, Vangnet computes ${Math.round(rows[0].opsPerSec).toLocaleString('en-US')} per second (${ratio(rows[0], rows[2])}× the peer in UTC)`,
      `both clocks of one incident (events folded, response and resolution measured) take ${(rows[3].p50Ms * 1000).toFixed(2)} µs at p50: ${Math.round(rows[3].opsPerSec).toLocaleString('en-US')} incidents per second`,
    ],
  };
}
