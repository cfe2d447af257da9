import { z } from 'zod';
import type { ContractTerms } from '../domain/contract';

/**
 * The billing fields of a contract's terms. Every one is optional and has NO zod default: a
 * contract stored before billing existed parses to exactly the object it was, so its canonical
 * JSON — and the checksums laptops and the server compare — never change. The defaults are
 * applied only when billing code reads the terms (`billingTermsOf`).
 */

const Cents = z.number().int().min(0).max(100_000_000);
const Minutes = z.number().int().min(0).max(1_000_000);

export const OVERRUN_POLICIES = ['warn', 'block'] as const;
export type OverrunPolicy = (typeof OVERRUN_POLICIES)[number];

export const DEFAULT_THRESHOLDS_PERCENT: readonly number[] = [25, 10, 0];

export const SubscriptionTerms = z.strictObject({
  monthlyFeeCents: Cents,
  /** Support minutes (rounded) the fee covers each month; more is overage at the hourly rate. */
  includedMinutes: Minutes,
});

export const AllInTerms = z.strictObject({
  /** Support minutes (rounded) the agency guarantees to have available each month. */
  capacityMinutes: Minutes.min(1),
  securityAuditEveryMonths: z.number().int().min(1).max(24),
});

export const PrepaidTerms = z.strictObject({
  /** Remaining-balance percentages that notify once each; default 25, 10, 0. */
  notifyThresholdsPercent: z
    .array(z.number().int().min(0).max(100))
    .max(10)
    .refine((list) => new Set(list).size === list.length, { message: 'list.unique' })
    .optional(),
  /** At or below zero: `warn` keeps timers running, `block` refuses new timers until a lead overrides. */
  overrunPolicy: z.enum(OVERRUN_POLICIES).optional(),
});

/** Spread into the contract terms' shape (shared/domain/contract.ts). */
export const billingTermsShape = {
  /** Price of an hour of support beyond what the model covers, in euro cents. */
  hourlyRateCents: Cents.optional(),
  subscription: SubscriptionTerms.optional(),
  allIn: AllInTerms.optional(),
  prepaid: PrepaidTerms.optional(),
};

/** The terms as billing reads them: defaults filled in, never written back. */
export interface BillingTerms {
  costModel: ContractTerms['costModel'];
  timeZone: string;
  incrementMinutes: number;
  hourlyRateCents: number | null;
  subscription: z.infer<typeof SubscriptionTerms> | null;
  allIn: z.infer<typeof AllInTerms> | null;
  prepaid: { notifyThresholdsPercent: number[]; overrunPolicy: OverrunPolicy };
}

type BillingSource = Pick<ContractTerms, 'costModel' | 'timeZone' | 'billingIncrementMinutes' | 'hourlyRateCents' | 'subscription' | 'allIn' | 'prepaid'>;

export function billingTermsOf(terms: BillingSource): BillingTerms {
  return {
    costModel: terms.costModel,
    timeZone: terms.timeZone,
    incrementMinutes: terms.billingIncrementMinutes,
    hourlyRateCents: terms.hourlyRateCents ?? null,
    subscription: terms.subscription ?? null,
    allIn: terms.allIn ?? null,
    prepaid: {
      // Highest first: the order thresholds are crossed in as the balance falls.
      notifyThresholdsPercent: [...(terms.prepaid?.notifyThresholdsPercent ?? DEFAULT_THRESHOLDS_PERCENT)].sort((a, b) => b - a),
      overrunPolicy: terms.prepaid?.overrunPolicy ?? 'warn',
    },
  };
}
