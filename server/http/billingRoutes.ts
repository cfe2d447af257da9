import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { budgetMonthViewOf, budgetViewOf, type BudgetRows } from '../../shared/billing/budgetView';
import { monthOfInstant } from '../../shared/billing/month';
import type { ScopeState } from '../../shared/contract/changeRequests';
import type { Actor } from '../../shared/domain/common';
import { contractInForce } from '../../shared/domain/slaInputs';
import { VangnetError } from '../../shared/errors';
import { hasRole } from '../../shared/permissions';
import { parseOrThrow } from '../../shared/validation';
import type { ServerDb } from '../db/connect';
import { contractsOfClient, loadRow } from '../repos/domain';
import { budgetLinesOfClient, incidentsOfClient, timeEntriesOfClient } from '../repos/statement';
import { budgetNoticesOf, listChangeRequests } from '../repos/timeEntries';
import { PathId, parseBody } from './apiSchemas';
import type { AuthGuard } from './authGuard';
import { clientOf, type Mutate } from './timeRoutes';
import { ChangeRequestFilter, ChangeRequestPatch, ChangeRequestStatusBody, ConvertBody, BudgetQuery, PurchaseBody } from './timeSchemas';

interface Deps {
  store: ServerDb;
  guard: AuthGuard;
  mutate: Mutate;
  now: () => number;
}

/**
 * Budgets and change requests over REST: the budget through the same pure views as the laptop's
 * `budget.forClient` and `budget.month` (shared/billing/budgetView.ts), every write a shared mutation.
 */
export function registerBillingRoutes(app: FastifyInstance, { store, guard, mutate, now }: Deps): void {
  const auth = { preHandler: guard.requireDevice };

  const rowsOf = async (clientId: string): Promise<BudgetRows> => {
    if (!(await loadRow(store.db, 'clients', 'id', clientId))) throw new VangnetError('not_found', 'client.unknown', { id: clientId });
    const titles = new Map((await incidentsOfClient(store.db, clientId)).map((i) => [i.id, i.title]));
    return {
      clientId,
      lines: await budgetLinesOfClient(store.db, clientId),
      entries: await timeEntriesOfClient(store.db, clientId),
      contracts: await contractsOfClient(store.db, clientId),
      notices: await budgetNoticesOf(store.db, clientId),
      nowMs: now(),
      titleOf: (id) => titles.get(id) ?? null,
    };
  };
  const budgetOf = async (clientId: string, actor: Actor, month?: string) => {
    const rows = await rowsOf(clientId);
    const zone = contractInForce(rows.contracts, new Date(rows.nowMs).toISOString())?.terms.timeZone ?? 'UTC';
    return {
      bundle: budgetViewOf(rows, { canManage: hasRole(actor, 'lead') }),
      month: budgetMonthViewOf(rows, month ?? monthOfInstant(rows.nowMs, zone)),
    };
  };

  app.get('/api/v1/clients/:id/budget', auth, async (request) => {
    const { id } = parseOrThrow(PathId, request.params, 'path');
    const { month } = parseOrThrow(BudgetQuery, request.query, 'query');
    return budgetOf(id, request.device!.engineer, month);
  });

  app.post('/api/v1/clients/:id/budget/purchases', auth, async (request, reply) => {
    const { id: clientId } = parseOrThrow(PathId, request.params, 'path');
    const input = parseBody(PurchaseBody, request.body, 'purchase');
    const actor = request.device!.engineer;
    const purchasedOn = input.purchasedOn ?? (await budgetOf(clientId, actor)).bundle.asOf;
    await mutate(request.device!, 'budget.buy', {
      id: uuidv7(),
      clientId,
      minutes: input.minutes,
      purchasedOn,
      validThrough: input.validThrough ?? null,
      note: input.note ?? '',
    });
    return reply.status(201).send(await budgetOf(clientId, actor));
  });

  app.get('/api/v1/change-requests', auth, async (request) => {
    const q = parseOrThrow(ChangeRequestFilter, request.query, 'query');
    const clientId = q.client === undefined ? undefined : await clientOf(store, q.client);
    const rows = await listChangeRequests(store.db, { clientId, status: q.status, limit: q.limit });
    return { items: rows.map(({ fieldVersions: _, ...cr }) => cr) };
  });

  const scopeState = async (incidentId: string): Promise<ScopeState> => {
    const incident = await loadRow(store.db, 'incidents', 'id', incidentId);
    if (!incident) throw new VangnetError('not_found', 'incident.unknown', { id: incidentId });
    const row = await loadRow(store.db, 'changeRequests', 'id', incidentId);
    const changeRequest = row ? (({ fieldVersions: _, ...view }) => view)(row) : null;
    return { incidentId, category: incident.category, isChangeRequest: incident.category === 'new_functionality', changeRequest };
  };

  app.post('/api/v1/incidents/:id/convert', auth, async (request) => {
    const { id } = parseOrThrow(PathId, request.params, 'path');
    const input = parseBody(ConvertBody, request.body, 'conversion');
    if (input.to === 'support') await mutate(request.device!, 'incident.convertToSupport', { id, category: input.category });
    else await mutate(request.device!, 'incident.convertToChangeRequest', { id, estimateMinutes: input.estimateMinutes, quoteCents: input.quoteCents });
    return scopeState(id);
  });

  app.patch('/api/v1/change-requests/:id', auth, async (request) => {
    const { id } = parseOrThrow(PathId, request.params, 'path');
    const input = parseBody(ChangeRequestPatch, request.body, 'change request changes');
    await mutate(request.device!, 'changeRequest.update', { id, ...input });
    return scopeState(id);
  });

  app.post('/api/v1/change-requests/:id/status', auth, async (request) => {
    const { id } = parseOrThrow(PathId, request.params, 'path');
    const { to } = parseBody(ChangeRequestStatusBody, request.body, 'status change');
    await mutate(request.device!, 'changeRequest.setStatus', { id, to });
    return scopeState(id);
  });
}
