import { z } from 'zod';
import { BillingMonth } from '../billing/month';
import { STATEMENT_LANGS } from '../billing/statementLabels';
import { COST_MODELS } from '../domain/contract';
import { Id } from '../domain/common';
import { CATEGORIES, PRIORITIES } from '../domain/incident';
import { call } from './common';

/** A client's month statement (shared/billing/statement.ts; docs/billing.md "Statements"). */

const Minutes = z.number().int();
const Cents = z.number().int();
const Total = z.object({ rawMinutes: Minutes, billableRawMinutes: Minutes, roundedMinutes: Minutes });

const StatementLine = z.object({
  ticketId: z.string().nullable(),
  title: z.string().nullable(),
  category: z.enum(CATEGORIES).nullable(),
  scope: z.enum(['support', 'change_request']),
  engineers: z.array(z.string()),
  entryCount: z.number().int(),
  rawMinutes: Minutes,
  billableRawMinutes: Minutes,
  roundedMinutes: Minutes,
});

export const StatementView = z.object({
  client: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  month: BillingMonth,
  contractId: z.string().nullable(),
  costModel: z.enum(COST_MODELS).nullable(),
  incrementMinutes: Minutes,
  timeZone: z.string(),
  support: z.array(StatementLine),
  changeRequests: z.array(StatementLine),
  supportTotal: Total,
  changeRequestTotal: Total,
  prepaid: z
    .object({
      balanceBeforeMinutes: Minutes,
      purchasedMinutes: Minutes,
      drawnMinutes: Minutes,
      expiredMinutes: Minutes,
      balanceAfterMinutes: Minutes,
      overrunAfterMinutes: Minutes,
    })
    .nullable(),
  subscription: z
    .object({
      month: BillingMonth,
      includedMinutes: Minutes,
      usedMinutes: Minutes,
      rawMinutes: Minutes,
      overageMinutes: Minutes,
      changeRequestMinutes: Minutes,
      feeCents: Cents,
      overageCents: Cents.nullable(),
      totalCents: Cents.nullable(),
    })
    .nullable(),
  allIn: z
    .object({
      month: BillingMonth,
      capacityMinutes: Minutes,
      usedMinutes: Minutes,
      rawMinutes: Minutes,
      remainingMinutes: Minutes,
      overCapacityMinutes: Minutes,
      usedPercent: z.number().int(),
      changeRequestMinutes: Minutes,
      audit: z.object({
        dueMonth: BillingMonth,
        status: z.enum(['upcoming', 'due', 'overdue']),
        key: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
    })
    .nullable(),
  sla: z.array(
    z.object({
      priority: z.enum(PRIORITIES),
      incidents: z.number().int(),
      responseMet: z.number().int(),
      responseMissed: z.number().int(),
      resolutionMet: z.number().int(),
      resolutionMissed: z.number().int(),
    }),
  ),
  empty: z.boolean(),
});
export type StatementView = z.infer<typeof StatementView>;

export const STATEMENT_FORMATS = ['csv', 'pdf'] as const;

export const StatementQuery = z.object({ clientId: Id, month: BillingMonth }).strict();

export const StatementExportInput = StatementQuery.extend({
  format: z.enum(STATEMENT_FORMATS),
  lang: z.enum(STATEMENT_LANGS).default('en'),
}).strict();

export const StatementFile = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes, base64 (the RPC carries text). */
  base64: z.string(),
  bytes: z.number().int(),
});
export type StatementFile = z.infer<typeof StatementFile>;

export const statementCalls = {
  statement: {
    /** A client's month statement: tickets (raw, rounded), change requests apart, budget, SLA per priority. */
    forClient: call(StatementQuery, StatementView),
    /** The same statement as a CSV or PDF file, Dutch or English. */
    export: call(StatementExportInput, StatementFile),
  },
} as const;

/** `BAKKER-2026-03-statement.pdf`: the client's code and the month, nothing a file system refuses. */
export function statementFileName(code: string, month: string, format: (typeof STATEMENT_FORMATS)[number]): string {
  return `${code.replace(/[^A-Za-z0-9_-]/g, '_')}-${month}-statement.${format}`;
}

export const STATEMENT_MIME = { csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;

