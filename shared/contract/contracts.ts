import { z } from 'zod';
import { Contract, ContractTerms, CostModel } from '../domain/contract';
import { Id, IsoTime } from '../domain/common';
import { Priority } from '../domain/incident';
import { ContractSetArgs } from '../mutations/contract';
import { Closure, LocalDate } from '../sla/calendar';
import { en } from '../messages/en';
import type { IcalReasonCode } from '../messages/catalog';
import { Explanation } from '../sla/explanation';
import { MessageParamsSchema } from '../sync/errorCode';
import { call } from './common';

/** An iCal importer's note (shared/sla/ical.ts): `code` and `params` for the screen, `reason` in English. */
const IcalNoteSchema = z.object({
  summary: z.string(),
  code: z.enum(Object.keys(en.ical) as [IcalReasonCode, ...IcalReasonCode[]]),
  params: MessageParamsSchema.optional(),
  reason: z.string(),
});

export const contractCalls = {
  contracts: {
    /** The version in force today and every version, newest first. */
    get: call(z.object({ clientId: Id }), z.object({ current: Contract.nullable(), history: z.array(Contract) })),
    /** The mutation's arguments less the id; without `effectiveFrom` the version starts today. */
    set: call(ContractSetArgs.omit({ id: true }).partial({ effectiveFrom: true }), Contract),
    template: call(z.object({ costModel: CostModel }), ContractTerms),
    /** "Reported Friday 16:55 as P2 → due …": both due instants and their explanations, for any terms. */
    whatIf: call(
      z.object({
        terms: ContractTerms,
        priority: Priority,
        openedAt: IsoTime,
        pauses: z
          .array(z.object({ from: IsoTime, to: IsoTime }))
          .max(50)
          .default([]),
      }),
      z.object({
        responseDueAt: z.string().nullable(),
        resolutionDueAt: z.string().nullable(),
        response: Explanation,
        resolution: Explanation,
      }),
    ),
    /** Reads an iCal file (.ics text) into closures for the contract editor; what it can't use is listed. */
    importIcal: call(
      z.object({
        text: z.string().min(1).max(5_000_000),
        timeZone: z.string().min(1).max(64),
        untilYear: z.number().int().min(2000).max(2100).optional(),
      }),
      z.object({ closures: z.array(Closure), skipped: z.array(IcalNoteSchema) }),
    ),
    /** Covered intervals of the business calendar in a week, for the editor's week view. */
    week: call(z.object({ terms: ContractTerms, weekOf: LocalDate }), z.array(z.object({ from: z.string(), to: z.string() }))),
  },
} as const;
