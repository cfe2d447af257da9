import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { ClientCreateInput, IncidentCreateInput } from '../../shared/contract';
import { suggestClientCode } from '../../shared/domain/client';
import type { Incident } from '../../shared/domain/incident';
import { contractInForce } from '../../shared/domain/slaInputs';
import { VangnetError } from '../../shared/errors';
import { parseOrThrow } from '../../shared/validation';
import type { DeviceAuth } from '../auth/devices';
import type { ServerDb } from '../db/connect';
import type { MutationArgs, MutationName } from '../../shared/mutations/index';
import type { MutationService } from '../services/mutations';
import { loadRow, pageClients, pageIncidents } from '../repos/domain';
import { ContractSet, IncidentFilter, IncidentPatch, Page, PathId, StatusChange, parseBody } from './apiSchemas';
import type { AuthGuard } from './authGuard';
import { openApiDocument } from './openapi';
import { createSlaViews } from './slaViews';
import { registerStatementRoute } from './statementRoute';
import { registerBillingRoutes } from './billingRoutes';
import { registerTimeRoutes } from './timeRoutes';

interface Deps {
  store: ServerDb;
  guard: AuthGuard;
  mutations: MutationService;
  now: () => number;
}

/**
 * REST API for integrations, `/api/v1`: HTTP concerns only. Reads go through the repositories
 * (server/repos); every write is one of the shared mutations, run by the mutation service exactly
 * as a pushed one, so it lands in the change log and syncs to every laptop.
 */
export function registerApiRoutes(app: FastifyInstance, { store, guard, mutations, now }: Deps): void {
  const sla = createSlaViews(store.db, now);
  const withClocks = async (row: Incident) => ({ ...view(row), sla: await sla.view(row) });

  const mutate = async <N extends MutationName>(device: DeviceAuth, name: N, args: MutationArgs<N>) => {
    await mutations.runMutation({ kind: 'device', device }, name, args);
  };

  app.get('/api/v1/openapi.json', async () => openApiDocument());

  app.get('/api/v1/clients', { preHandler: guard.requireDevice }, async (request) => {
    const page = await pageClients(store.db, parseOrThrow(Page, request.query, 'query'));
    const items = page.rows.map(view);
    return { items, nextCursor: page.hasMore ? (items[items.length - 1]?.id ?? null) : null };
  });

  app.post('/api/v1/clients', { preHandler: guard.requireDevice }, async (request, reply) => {
    const input = parseBody(ClientCreateInput, request.body, 'client');
    const id = uuidv7();
    await mutate(request.device!, 'client.create', { id, name: input.name, code: input.code ?? suggestClientCode(input.name) });
    return reply.status(201).send(view((await loadRow(store.db, 'clients', 'id', id))!));
  });

  app.get('/api/v1/incidents', { preHandler: guard.requireDevice }, async (request) => {
    const page = await pageIncidents(store.db, parseOrThrow(IncidentFilter, request.query, 'query'));
    const items = await Promise.all(page.rows.map(withClocks));
    return { items, nextCursor: page.hasMore ? (items[items.length - 1]?.id ?? null) : null };
  });

  app.get('/api/v1/incidents/:id', { preHandler: guard.requireDevice }, async (request) => {
    const { id } = parseOrThrow(PathId, request.params, 'path');
    const row = await loadRow(store.db, 'incidents', 'id', id);
    if (!row) throw new VangnetError('not_found', 'incident.unknown', { id });
    return withClocks(row);
  });

  app.post('/api/v1/incidents', { preHandler: guard.requireDevice }, async (request, reply) => {
    const input = parseBody(IncidentCreateInput, request.body, 'incident');
    const id = uuidv7();
    await mutate(request.device!, 'incident.create', { id, ...input });
    return reply.status(201).send(await withClocks((await loadRow(store.db, 'incidents', 'id', id))!));
  });

  app.patch('/api/v1/incidents/:id', { preHandler: guard.requireDevice }, async (request) => {
    const { id } = parseOrThrow(PathId, request.params, 'path');
    const input = parseBody(IncidentPatch, request.body, 'incident changes');
    await mutate(request.device!, 'incident.update', { id, ...input });
    return withClocks((await loadRow(store.db, 'incidents', 'id', id))!);
  });

  app.post('/api/v1/incidents/:id/status', { preHandler: guard.requireDevice }, async (request) => {
    const { id } = parseOrThrow(PathId, request.params, 'path');
    const input = parseBody(StatusChange, request.body, 'status change');
    await mutate(request.device!, 'incident.setStatus', { id, ...input });
    return withClocks((await loadRow(store.db, 'incidents', 'id', id))!);
  });

  app.get('/api/v1/clients/:id/contracts', { preHandler: guard.requireDevice }, async (request) => {
    const { id } = parseOrThrow(PathId, request.params, 'path');
    if (!(await loadRow(store.db, 'clients', 'id', id))) throw new VangnetError('not_found', 'client.unknown', { id });
    const history = await sla.contractsOf(id);
    const current = contractInForce(history, new Date(now()).toISOString());
    return { current: current ? view(current) : null, history: history.map(view) };
  });

  app.post('/api/v1/clients/:id/contracts', { preHandler: guard.requireDevice }, async (request, reply) => {
    const { id: clientId } = parseOrThrow(PathId, request.params, 'path');
    const input = parseBody(ContractSet, request.body, 'contract');
    const id = uuidv7();
    await mutate(request.device!, 'contract.set', {
      id,
      clientId,
      effectiveFrom: input.effectiveFrom ?? new Date(now()).toISOString().slice(0, 10),
      terms: input.terms,
    });
    return reply.status(201).send(view((await loadRow(store.db, 'contracts', 'id', id))!));
  });

  registerStatementRoute(app, { store, guard, sla, now });
  registerTimeRoutes(app, { store, guard, mutate, now });
  registerBillingRoutes(app, { store, guard, mutate, now });
}

/** What the API shows of a row: no merge bookkeeping. */
function view<R extends { fieldVersions: unknown }>(row: R): Omit<R, 'fieldVersions'> {
  const { fieldVersions: _v, ...rest } = row;
  return rest;
}
