import { z } from 'zod';
import { BusinessCalendar, type CalendarDef, Closure, HolidayRegionSchema, LocalDate, TimeZoneName, WeekHours } from '../sla/calendar';
import { AtRiskRule, SlaTarget } from '../sla/policy';
import { billingTermsShape } from '../billing/terms';
import { issueFromZod } from '../validation';
import { FieldVersions, Id, IsoTime } from './common';

/**
 * A client's contract: how support is paid for, when the agency is open for it, and the agreed
 * response and resolution targets per priority. A change never edits history: it starts a new
 * version from a date (`effectiveFrom`), and an incident is measured by the version in force
 * when it was opened.
 */
export const COST_MODELS = ['prepaid', 'subscription', 'all_in'] as const;
export const CostModel = z.enum(COST_MODELS);
export type CostModel = z.infer<typeof CostModel>;

/** The calendars a target may count on. */
export const TARGET_CALENDARS = ['24/7', 'business'] as const;

/** A contract's target counts on one of its two calendars (the engine's policy allows any name). */
const ContractTarget = SlaTarget.extend({ calendar: z.enum(TARGET_CALENDARS) });
const Target = z.strictObject({ response: ContractTarget.nullable(), resolution: ContractTarget.nullable() });

const ContractTermsShape = z.strictObject({
  costModel: CostModel,
  timeZone: TimeZoneName,
  /** Several intervals per weekday, e.g. mon: [["08:30","12:30"],["13:00","17:30"]]. */
  businessHours: WeekHours,
  /** A country's public holidays (NL built in), or null for none. */
  holidays: HolidayRegionSchema.nullable().default({ country: 'NL' }),
  /** The agency's own closures (e.g. the afternoon of 24 December), and iCal imports. */
  closures: z.array(Closure).max(10_000).default([]),
  targets: z.strictObject({ P1: Target, P2: Target, P3: Target, P4: Target }),
  atRisk: AtRiskRule.default({ fraction: 0.75, leadMinutes: 15 }),
  /** Time is billed per ticket, rounded up to this increment (raw minutes are always kept). */
  billingIncrementMinutes: z.number().int().min(1).max(240).default(15),
  /** How often the SLA level is reviewed with the client. */
  reviewCadenceMonths: z.number().int().min(1).max(24).default(3),
  /** Rate, subscription, all-in and prepaid fields: optional, defaults applied only when billing reads them. */
  ...billingTermsShape,
});

/** The calendar's own rules (no overlapping or inverted hours, valid closures), reported at the terms' paths. */
const CALENDAR_PATHS: Record<string, string> = { week: 'businessHours', holidays: 'holidays', closures: 'closures', timeZone: 'timeZone' };

export const ContractTerms = ContractTermsShape.superRefine((terms, ctx) => {
  const checked = BusinessCalendar.safeParse(contractCalendars(terms).business);
  if (checked.success) return;
  for (const issue of checked.error.issues) {
    const [head, ...rest] = issue.path;
    const { code, params } = issueFromZod(issue);
    ctx.addIssue({
      code: 'custom',
      path: [CALENDAR_PATHS[String(head)] ?? String(head), ...rest.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      // Re-raised as the same issue code and bounds (shared/validation.ts), at the terms' path.
      message: code,
      params,
    });
  }
});
export type ContractTerms = z.infer<typeof ContractTerms>;
export type ContractTermsInput = z.input<typeof ContractTerms>;

export const Contract = z.object({
  id: Id,
  clientId: Id,
  effectiveFrom: LocalDate,
  terms: ContractTerms,
  createdAt: IsoTime,
  createdBy: z.string(),
  fieldVersions: FieldVersions,
});
export type Contract = z.infer<typeof Contract>;

/** The two calendars a contract's targets count on, in the contract's time zone. */
export function contractCalendars(terms: z.infer<typeof ContractTermsShape>): Record<(typeof TARGET_CALENDARS)[number], CalendarDef> {
  return {
    '24/7': { kind: '24/7', timeZone: terms.timeZone },
    business: {
      kind: 'business',
      name: 'business',
      timeZone: terms.timeZone,
      week: terms.businessHours,
      holidays: terms.holidays,
      closures: terms.closures,
    },
  };
}

const OFFICE: [string, string][] = [['08:30', '17:30']];
const hours = (minutes: number, calendar: '24/7' | 'business') => ({ minutes, calendar });

/**
 * Sensible starting points per cost model. All-in covers P1 and P2 around the clock; the others
 * count business hours. "A production outage gets action within the hour; a tablet layout glitch
 * can wait until the next working day" (the seed).
 */
export function contractTemplate(costModel: CostModel): ContractTerms {
  const base = {
    costModel,
    timeZone: 'Europe/Amsterdam',
    businessHours: { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE },
    holidays: { country: 'NL' },
    closures: [],
    atRisk: { fraction: 0.75, leadMinutes: 15 },
    billingIncrementMinutes: 15,
    reviewCadenceMonths: 3,
  };
  switch (costModel) {
    case 'all_in':
      return ContractTerms.parse({
        ...base,
        billingIncrementMinutes: 5,
        // With a 15-minute lead, a 15-minute P1 response is amber from its first minute: deliberate,
        // a P1 under an all-in contract is urgent from the moment it is reported.
        targets: {
          P1: { response: hours(15, '24/7'), resolution: hours(4 * 60, '24/7') },
          P2: { response: hours(30, '24/7'), resolution: hours(8 * 60, '24/7') },
          P3: { response: hours(4 * 60, 'business'), resolution: hours(3 * 9 * 60, 'business') },
          P4: { response: hours(9 * 60, 'business'), resolution: hours(10 * 9 * 60, 'business') },
        },
      });
    case 'subscription':
      return ContractTerms.parse({
        ...base,
        targets: {
          P1: { response: hours(60, 'business'), resolution: hours(8 * 60, 'business') },
          P2: { response: hours(2 * 60, 'business'), resolution: hours(2 * 9 * 60, 'business') },
          P3: { response: hours(9 * 60, 'business'), resolution: hours(5 * 9 * 60, 'business') },
          P4: { response: hours(2 * 9 * 60, 'business'), resolution: null },
        },
      });
    case 'prepaid':
      return ContractTerms.parse({
        ...base,
        targets: {
          P1: { response: hours(2 * 60, 'business'), resolution: hours(2 * 9 * 60, 'business') },
          P2: { response: hours(4 * 60, 'business'), resolution: hours(3 * 9 * 60, 'business') },
          P3: { response: hours(9 * 60, 'business'), resolution: null },
          P4: { response: hours(2 * 9 * 60, 'business'), resolution: null },
        },
      });
  }
}
