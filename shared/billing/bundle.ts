import { z } from 'zod';
import { LocalDate } from '../sla/calendar';
import { parseOrThrow } from '../validation';
import type { BilledLine } from './rounding';

/**
 * The prepaid bundle (strippenkaart) as a ledger: purchases of hours, and draws of rounded
 * minutes per ticket per month. Draws use the oldest purchase first (FIFO), skipping purchases
 * not yet bought or past their last valid day. What a purchase still holds after its last valid
 * day is reported as expired — never silently lost. A draw that finds nothing left is an overrun:
 * the next purchase pays it off first. Throughout, balance = purchased − drawn − expired
 * (negative while overrun). Lines are append-only; this module only reads them.
 */

export const MAX_PURCHASE_HOURS = 10_000;

export const Purchase = z.strictObject({
  id: z.string().min(1),
  hours: z
    .number()
    .gt(0)
    .max(MAX_PURCHASE_HOURS)
    .refine((h) => Number.isInteger(Math.round(h * 60 * 1e6) / 1e6), { message: 'number.wholeMinutes' }),
  purchasedOn: LocalDate,
  /** The last day its hours can be drawn (inclusive); what is left afterwards expires. */
  validThrough: LocalDate.optional(),
});
export type Purchase = z.infer<typeof Purchase>;

export const Draw = z.strictObject({
  id: z.string().min(1),
  ticketId: z.string().min(1).nullable(),
  /** Rounded minutes (shared/billing/rounding.ts), never raw. */
  minutes: z.number().int().min(1),
  /** The local day the draw counts on: it may use purchases valid that day. */
  on: LocalDate,
});
export type Draw = z.infer<typeof Draw>;

const LedgerInput = z.strictObject({
  purchases: z.array(
    Purchase.refine((p) => p.validThrough === undefined || p.validThrough >= p.purchasedOn, {
      message: 'pauseOrder',
      path: ['validThrough'],
    }),
  ),
  draws: z.array(Draw),
  asOf: LocalDate,
});
export type LedgerInput = z.input<typeof LedgerInput>;

export type PurchaseStatus = 'open' | 'used' | 'expired';

export interface PurchaseState {
  id: string;
  purchasedOn: string;
  validThrough: string | null;
  minutes: number;
  usedMinutes: number;
  expiredMinutes: number;
  remainingMinutes: number;
  status: PurchaseStatus;
}

export interface DrawState extends Draw {
  /** Which purchases paid for it, oldest first (a later purchase may pay off an overrun). */
  from: { purchaseId: string; minutes: number }[];
  uncoveredMinutes: number;
}

export interface Ledger {
  asOf: string;
  purchases: PurchaseState[];
  draws: DrawState[];
  purchasedMinutes: number;
  drawnMinutes: number;
  expiredMinutes: number;
  /** purchased − drawn − expired; negative while overrun. */
  balanceMinutes: number;
  overrunMinutes: number;
}

/** The day after `date` (YYYY-MM-DD), when a purchase valid through `date` expires. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

type Event = { day: string; order: number; id: string; run: () => void };

/** The ledger as of the end of `asOf`: lines dated later are left out, expiries counted up to it. */
export function bundleLedger(input: LedgerInput): Ledger {
  const { purchases, draws, asOf } = parseOrThrow(LedgerInput, input, 'bundle ledger');
  const states = purchases
    .filter((p) => p.purchasedOn <= asOf)
    .sort((a, b) => (a.purchasedOn !== b.purchasedOn ? (a.purchasedOn < b.purchasedOn ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map<PurchaseState>((p) => {
      const minutes = Math.round(p.hours * 60);
      const base = { id: p.id, purchasedOn: p.purchasedOn, validThrough: p.validThrough ?? null, minutes };
      return { ...base, usedMinutes: 0, expiredMinutes: 0, remainingMinutes: minutes, status: 'open' };
    });
  const drawStates: DrawState[] = draws.filter((d) => d.on <= asOf).map((d) => ({ ...d, from: [], uncoveredMinutes: 0 }));
  const debt: DrawState[] = [];

  const take = (purchase: PurchaseState, draw: DrawState, want: number): number => {
    const minutes = Math.min(want, purchase.remainingMinutes);
    if (minutes <= 0) return 0;
    purchase.remainingMinutes -= minutes;
    purchase.usedMinutes += minutes;
    const last = draw.from[draw.from.length - 1];
    if (last?.purchaseId === purchase.id) last.minutes += minutes;
    else draw.from.push({ purchaseId: purchase.id, minutes });
    return minutes;
  };

  const live = (day: string) => states.filter((p) => p.purchasedOn <= day && p.status === 'open');

  // Per day: expiries first (a purchase valid through yesterday is gone today), then purchases
  // (which pay off any overrun), then draws. Ties by id, so every laptop computes the same ledger.
  const events: Event[] = [];
  for (const p of states) {
    events.push({
      day: p.purchasedOn,
      order: 1,
      id: p.id,
      run: () => {
        while (debt.length && p.remainingMinutes > 0) {
          const d = debt[0]!;
          d.uncoveredMinutes -= take(p, d, d.uncoveredMinutes);
          if (d.uncoveredMinutes === 0) debt.shift();
        }
      },
    });
    if (p.validThrough !== null && p.validThrough < asOf)
      events.push({
        day: dayAfter(p.validThrough),
        order: 0,
        id: p.id,
        run: () => {
          p.expiredMinutes = p.remainingMinutes;
          p.remainingMinutes = 0;
          p.status = p.expiredMinutes > 0 ? 'expired' : 'used';
        },
      });
  }
  for (const d of drawStates)
    events.push({
      day: d.on,
      order: 2,
      id: d.id,
      run: () => {
        let want = d.minutes;
        for (const p of live(d.on)) if (want > 0) want -= take(p, d, want);
        d.uncoveredMinutes = want;
        if (want > 0) debt.push(d);
      },
    });
  events.sort((a, b) => (a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.order !== b.order ? a.order - b.order : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const e of events) e.run();

  for (const p of states) if (p.status === 'open' && p.remainingMinutes === 0) p.status = 'used';
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const purchasedMinutes = sum(states.map((p) => p.minutes));
  const drawnMinutes = sum(drawStates.map((d) => d.minutes));
  const expiredMinutes = sum(states.map((p) => p.expiredMinutes));
  return {
    asOf,
    purchases: states,
    draws: drawStates,
    purchasedMinutes,
    drawnMinutes,
    expiredMinutes,
    balanceMinutes: purchasedMinutes - drawnMinutes - expiredMinutes,
    overrunMinutes: sum(drawStates.map((d) => d.uncoveredMinutes)),
  };
}

/**
 * The draws of billed support lines: one per ticket per month, of its rounded minutes, counted
 * on the month's first day — so a purchase valid for part of the month still pays for that
 * month's time, and one bought later in the month pays it off as an overrun. Change-request lines
 * and lines that bill nothing draw nothing.
 */
export function monthDraws(lines: readonly BilledLine[]): Draw[] {
  return lines
    .filter((l) => l.scope === 'support' && l.roundedMinutes > 0)
    .map((l) => ({ id: `${l.month}/${l.ticketId ?? '-'}`, ticketId: l.ticketId, minutes: l.roundedMinutes, on: `${l.month}-01` }));
}
