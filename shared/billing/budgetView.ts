import type { BilledLineView, BudgetMonthView, BudgetView } from '../contract/budget';
import type { BudgetLine } from '../domain/budget';
import type { BudgetNotice } from '../domain/budgetNotice';
import type { Contract } from '../domain/contract';
import type { TimeEntry } from '../domain/time';
import { clientBundle } from './clientBundle';
import { clientMonth } from './clientMonth';
import type { BilledLine } from './rounding';

/**
 * What a client's budget looks like to a front (the laptop's `budget.forClient` and `budget.month`,
 * the server's `GET /api/v1/clients/:id/budget`), from the stored rows: one function for both, so the
 * app, the CLI and the REST API show the same numbers.
 */
export interface BudgetRows {
  clientId: string;
  lines: readonly BudgetLine[];
  entries: readonly TimeEntry[];
  contracts: readonly Contract[];
  notices?: readonly BudgetNotice[];
  nowMs: number;
  /** A ticket's title by id (null when unknown). */
  titleOf: (ticketId: string) => string | null;
}

function billedView(lines: readonly BilledLine[], titleOf: BudgetRows['titleOf']): BilledLineView[] {
  return lines
    .map(({ entryIds: _, ...l }) => ({ ...l, title: l.ticketId ? titleOf(l.ticketId) : null }))
    .sort((a, b) => b.month.localeCompare(a.month) || (a.title ?? '').localeCompare(b.title ?? ''));
}

/** The prepaid bundle: ledger lines, purchases (used, expired, left), draws, balance and thresholds. */
export function budgetViewOf(rows: BudgetRows, opts: { asOf?: string; canManage: boolean }): BudgetView {
  const bundle = clientBundle({
    lines: rows.lines,
    entries: rows.entries,
    contracts: rows.contracts,
    nowMs: rows.nowMs,
    asOf: opts.asOf,
    notified: rows.notices,
  });
  const { ledger, billed, due: _, ...rest } = bundle;
  return {
    clientId: rows.clientId,
    ...rest,
    billed: billedView(
      billed.filter((l) => l.scope === 'support'),
      rows.titleOf,
    ),
    canManage: opts.canManage,
    lines: rows.lines.map(({ fieldVersions: _v, ...line }) => line),
    purchases: ledger.purchases,
    draws: ledger.draws.map(({ from: _f, ...draw }) => draw),
    purchasedMinutes: ledger.purchasedMinutes,
    drawnMinutes: ledger.drawnMinutes,
    expiredMinutes: ledger.expiredMinutes,
    balanceMinutes: ledger.balanceMinutes,
    overrunMinutes: ledger.overrunMinutes,
  };
}

/** A month of the client: subscription allowance and overage, or all-in capacity and the audit due. */
export function budgetMonthViewOf(rows: Omit<BudgetRows, 'lines' | 'notices'>, month: string): BudgetMonthView {
  const m = clientMonth({ entries: rows.entries, contracts: rows.contracts, nowMs: rows.nowMs, month });
  const audit = m.audit ? { dueMonth: m.audit.dueMonth, status: m.audit.status, key: m.audit.key, params: m.audit.params } : null;
  const pick = <T extends object>(v: T | null): Omit<T, 'month'> | null => {
    if (!v) return null;
    const { month: _, ...rest } = v as T & { month: string };
    return rest;
  };
  return {
    clientId: rows.clientId,
    ...m,
    lines: billedView(m.lines, rows.titleOf),
    subscription: pick(m.subscription),
    allIn: pick(m.allIn),
    audit,
  };
}
