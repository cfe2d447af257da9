import type { Handlers } from '../../shared/contract';
import type { BudgetView } from '../../shared/contract/budget';
import { budgetMonthViewOf, budgetViewOf } from '../../shared/billing/budgetView';
import { clientBundle } from '../../shared/billing/clientBundle';
import { billingTermsOf } from '../../shared/billing/terms';
import { contractInForce } from '../../shared/domain/slaInputs';
import { overrunDecision } from '../../shared/billing/bundleAlerts';
import type { BillingText } from '../../shared/messages/catalog';
import { localActor } from './actor';
import { hasRole } from '../../shared/permissions';
import { VangnetError } from '../../shared/errors';
import { billingEntriesOfClient, budgetLinesFor, budgetNoticesFor, timeEntriesOfClient } from '../repos/budget';
import { contractsFor } from '../repos/lifecycle';
import { getRowBy } from '../repos/rows';
import type { HandlerDeps } from './handlers';

/**
 * The overrun policy for a new timer on `clientId` (docs/billing.md): nothing unless its contract in
 * force is prepaid; then `overrunDecision` on its ledger. Throws the refusal; returns the warning or
 * the override, or null when minutes are left.
 */
export function overrunCheck(deps: HandlerDeps, clientId: string, override: boolean): ({ kind: 'warn' | 'override' } & BillingText) | null {
  const profile = deps.profile();
  const client = getRowBy(deps.db, 'clients', 'id', clientId);
  if (!profile || !client) return null;
  const contracts = contractsFor(deps.db, clientId);
  const nowMs = deps.now();
  // Only a prepaid contract has a bundle to overrun: no need to read every entry of the client otherwise.
  const inForce = contractInForce(contracts, new Date(nowMs).toISOString());
  if (!inForce || billingTermsOf(inForce.terms).costModel !== 'prepaid') return null;
  const bundle = clientBundle({ lines: budgetLinesFor(deps.db, clientId), entries: billingEntriesOfClient(deps.db, clientId), contracts, nowMs });
  if (!bundle.prepaid) return null;
  const decision = overrunDecision({
    policy: bundle.overrunPolicy,
    ledger: bundle.ledger,
    actor: localActor(deps.db, profile),
    override,
    clientName: client.name,
  });
  if (decision.kind === 'refuse') throw decision.error;
  return decision.kind === 'allow' ? null : decision;
}

/** The prepaid bundle of a client (docs/billing.md): its ledger, and purchases and corrections. */
export function createBudgetHandlers(deps: HandlerDeps): Handlers['budget'] {
  const { db, mutate, newId, now } = deps;

  const rowsOf = (clientId: string) => {
    if (!getRowBy(db, 'clients', 'id', clientId))
      throw new VangnetError('not_found', 'client.unknown', { id: clientId }, [{ path: 'clientId', code: 'unknownClient' }]);
    return {
      clientId,
      entries: timeEntriesOfClient(db, clientId),
      contracts: contractsFor(db, clientId),
      nowMs: now(),
      titleOf: (ticketId: string) => getRowBy(db, 'incidents', 'id', ticketId)?.title ?? null,
    };
  };
  const view = (clientId: string, asOf?: string): BudgetView =>
    budgetViewOf(
      { ...rowsOf(clientId), lines: budgetLinesFor(db, clientId), notices: budgetNoticesFor(db, clientId) },
      { asOf, canManage: ((p) => p !== null && hasRole(localActor(db, p), 'lead'))(deps.profile()) },
    );

  /** Today in the zone of the client's contract (what `forClient` reads the ledger as of). */
  const today = (clientId: string): string => view(clientId).asOf;

  return {
    forClient: ({ clientId, asOf }) => view(clientId, asOf),
    month: ({ clientId, month }) => budgetMonthViewOf(rowsOf(clientId), month),
    buy: ({ clientId, minutes, purchasedOn, validThrough, note }) => {
      const day = purchasedOn ?? today(clientId);
      mutate('budget.buy', { id: newId(), clientId, minutes, purchasedOn: day, validThrough: validThrough ?? null, note: note ?? '' });
      return view(clientId);
    },
    adjust: ({ clientId, minutes, day, reason }) => {
      mutate('budget.adjust', { id: newId(), clientId, minutes, day: day ?? today(clientId), reason });
      return view(clientId);
    },
  };
}
