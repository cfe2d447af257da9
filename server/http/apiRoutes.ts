import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { ClientCreateInput, IncidentCreateInput } from '../../shared/contract';
import { suggestClientCode } from '../../shared/domain/client';
import type { Incident } from '../../shared/domain/incident';
import { contractInForce } from '../../shared/domain/slaInputs';
import { VangnetError } from '../../shared/errors';
import { HybridLogicalClock } from '../../shared/hlc';
import { fromRecord } from '../../shared/schema/tables';
import { parseOrThrow } from '../../shared/validation';
import type { DeviceAuth } from '../auth/devices';
import type { ServerDb } from '../db/connect';
import { applyMutation, loadRow } from '../sync/applyMutation';
import { Ledger } from '../sync/ledger';
import { stampAfterRows } from '../sync/restamp';
import type { Notifier } from '../sync/notifier';
import { ContractSet, IncidentFilter, IncidentPatch, Page, PathId, StatusChange, parseBody } from './apiSchemas';
import type { AuthGuard } from './authGuard';
import { openApiDocument } from './openapi';
import { createSlaViews } from './slaViews';

interface Deps {
  store: ServerDb;
  guard: AuthGuard;
  notifier: Notifier;
  now: () => number;
}

/**
 * REST API for integrations, `/api/v1`. Reads come from the server's tables; every write is one of
 * the shared mutations, run here exactly as a pushed one, so it lands in the change log and syncs
 * to every laptop.
 */
export function registerApiRoutes(app: FastifyInstance, { store, guard, notifier, now }: Deps): void {
  // Each server process stamps its API writes with its own node id, so two processes never tie.
  const clock = new HybridLogicalClock(`srv-${uuidv7().slice(-12)}`, now);
  const sla = createSlaViews(store.db, now);
  const withClocks = async (row: Incident) => ({ ...view(row), sla: await sla.view(row) });

  async function mutate(device: DeviceAuth, name: string, args: unknown): Promise<void> {
    const trx = await store.db.startTransaction().execute();
    try {
      const ledger = await Ledger.open(trx, store.dialect);
      await applyMutation(
        trx,
        ledger,
        { name, args, hlc: await stampAfterRows(trx, clock, name, args) },
        { actor: device.engineer, deviceId: device.deviceId, clientId: `api-${device.deviceId}`, mutationId: 0 },
      );
      await ledger.close();
      await trx.commit().execute();
      await notifier.announce(ledger.headSeq);
    } catch (err) {
      await trx.rollback().execute();
      throw err;
    }
  }

  app.get('/api/v1/openapi.json', async () => openApiDocument());

  app.get('/api/v1/clients', { preHandler: guard.requireDevice }, async (request) => {
    const { limit, cursor } = parseOrThrow(Page, request.query, 'query');
    let q = store.db
      .selectFrom('clients')
      .selectAll()
      .orderBy('id')
      .limit(limit + 1);
    if (cursor) q = q.where('id', '>', cursor);
    const rows = await q.execute();
    const items = rows.slice(0, limit).map((r) => view(fromRecord('clients', r)));
    return { items, nextCursor: rows.length > limit ? (items[items.length - 1]?.id ?? null) : null };
  });

  app.post('/api/v1/clients', { preHandler: guard.requireDevice }, async (request, reply) => {
    const input = parseBody(ClientCreateInput, request.body, 'client');
    const id = uuidv7();
    await mutate(request.device!, 'client.create', { id, name: input.name, code: input.code ?? suggestClientCode(input.name) });
    return reply.status(201).send(view((await loadRow(store.db, 'clients', 'id', id))!));
  });

  app.get('/api/v1/incidents', { preHandler: guard.requireDevice }, async (request) => {
    const f = parseOrThrow(IncidentFilter, request.query, 'query');
    let q = store.db
      .selectFrom('incidents')
      .selectAll()
      .orderBy('id')
      .limit(f.limit + 1);
    if (f.cursor) q = q.where('id', '>', f.cursor);
    if (f.clientId) q = q.where('client_id', '=', f.clientId);
    if (f.status) q = q.where('status', '=', f.status);
    if (f.priority) q = q.where('priority', '=', f.priority);
    const rows = await q.execute();
    const items = await Promise.all(rows.slice(0, f.limit).map((r) => withClocks(fromRecord('incidents', r))));
    return { items, nextCursor: rows.length > f.limit ? (items[items.length - 1]?.id ?? null) : null };
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
}

/** What the API shows of a row: no merge bookkeeping. */
function view<R extends { fieldVersions: unknown }>(row: R): Omit<R, 'fieldVersions'> {
  const { fieldVersions: _v, ...rest } = row;
  return rest;
}
