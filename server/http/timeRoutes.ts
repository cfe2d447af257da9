import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { monthOfInstant, monthRangeUtc } from '../../shared/billing/month';
import type { TimeEntryView } from '../../shared/contract/time';
import { Id } from '../../shared/domain/common';
import { entryMinutes, type TimeEntry } from '../../shared/domain/time';
import { VangnetError } from '../../shared/errors';
import { parseOrThrow } from '../../shared/validation';
import type { ServerDb } from '../db/connect';
import type { DeviceAuth } from '../auth/devices';
import type { MutationArgs, MutationName } from '../../shared/mutations/index';
import { loadRow } from '../repos/domain';
import { listTimeEntries, overlapsOf, runningTimerOf } from '../repos/timeEntries';
import { PathId, parseBody } from './apiSchemas';
import type { AuthGuard } from './authGuard';
import { DeleteReason, TimeEntryFilter, TimeEntryPatch, TimeLogBody, TimerStartBody, TimerStopBody } from './timeSchemas';

/** The zone a list's month is read in: the team's, as the laptop's `time.list` does by default. */
export const TEAM_ZONE = 'Europe/Amsterdam';

/** Runs a shared mutation as the device's engineer (apiRoutes.ts). */
export type Mutate = <N extends MutationName>(device: DeviceAuth, name: N, args: MutationArgs<N>) => Promise<void>;

interface Deps {
  store: ServerDb;
  guard: AuthGuard;
  mutate: Mutate;
  now: () => number;
}

/** A client named by code or id, or a 404. */
export async function clientOf(store: ServerDb, codeOrId: string): Promise<string> {
  const byId = Id.safeParse(codeOrId).success ? await loadRow(store.db, 'clients', 'id', codeOrId) : undefined;
  const client = byId ?? (await loadRow(store.db, 'clients', 'code', codeOrId));
  if (!client) throw new VangnetError('not_found', 'client.unknown', { id: codeOrId });
  return client.id;
}

/**
 * `/api/v1/time-entries` and `/api/v1/timer`: the same mutations as the laptop's time calls
 * (docs/time.md), made as the device's engineer, so only an entry's own engineer or a lead changes it.
 */
export function registerTimeRoutes(app: FastifyInstance, { store, guard, mutate, now }: Deps): void {
  const view = (entry: TimeEntry): TimeEntryView => {
    const { fieldVersions: _, ...rest } = entry;
    return { ...rest, minutes: entryMinutes(entry, now()) };
  };
  const stored = async (id: string): Promise<TimeEntry> => {
    const row = await loadRow(store.db, 'timeEntries', 'id', id);
    if (!row) throw new VangnetError('not_found', 'time.unknown', { id }, [{ path: 'id', code: 'unknownTimeEntry' }]);
    return row;
  };
  const auth = { preHandler: guard.requireDevice };

  app.get('/api/v1/time-entries', auth, async (request) => {
    const q = parseOrThrow(TimeEntryFilter, request.query, 'query');
    const month = q.month ?? monthOfInstant(now(), TEAM_ZONE);
    const [from, to] = monthRangeUtc(month, TEAM_ZONE).map((ms) => new Date(ms).toISOString()) as [string, string];
    const clientId = q.client === undefined ? undefined : await clientOf(store, q.client);
    const { entries, truncated } = await listTimeEntries(store.db, { fromIso: from, toIso: to, clientId, engineerId: q.engineer, limit: q.limit });
    return { month, from, to, items: entries.map(view), truncated };
  });

  app.post('/api/v1/time-entries', auth, async (request, reply) => {
    const input = parseBody(TimeLogBody, request.body, 'time entry');
    const id = uuidv7();
    const { incidentId, clientId, engineerId, ...rest } = input;
    await mutate(request.device!, 'time.log', {
      id,
      engineerId: engineerId ?? request.device!.engineer.id,
      incidentId: incidentId ?? null,
      clientId: clientId ?? null,
      ...rest,
    });
    const entry = await stored(id);
    return reply.status(201).send({ entry: view(entry), overlaps: await overlapsOf(store.db, entry) });
  });

  app.patch('/api/v1/time-entries/:id', auth, async (request) => {
    const { id } = parseOrThrow(PathId, request.params, 'path');
    const input = parseBody(TimeEntryPatch, request.body, 'time entry changes');
    await mutate(request.device!, 'time.update', { id, ...input });
    return view(await stored(id));
  });

  app.delete('/api/v1/time-entries/:id', auth, async (request) => {
    const { id } = parseOrThrow(PathId, request.params, 'path');
    const { reason } = parseOrThrow(DeleteReason, request.query, 'query');
    await mutate(request.device!, 'time.delete', { id, reason });
    return { id };
  });

  app.get('/api/v1/timer', auth, async (request) => {
    const running = await runningTimerOf(store.db, request.device!.engineer.id);
    return running ? view(running) : null;
  });

  app.post('/api/v1/timer/start', auth, async (request, reply) => {
    const { incidentId, clientId, ...rest } = parseBody(TimerStartBody, request.body, 'timer');
    const id = uuidv7();
    await mutate(request.device!, 'timer.start', {
      id,
      engineerId: request.device!.engineer.id,
      incidentId: incidentId ?? null,
      clientId: clientId ?? null,
      ...rest,
    });
    return reply.status(201).send(view(await stored(id)));
  });

  app.post('/api/v1/timer/stop', auth, async (request) => {
    const { note } = parseBody(TimerStopBody, request.body ?? {}, 'timer');
    const running = await runningTimerOf(store.db, request.device!.engineer.id);
    if (!running) throw new VangnetError('not_found', 'time.noTimer');
    await mutate(request.device!, 'timer.stop', { id: running.id, note });
    return view(await stored(running.id));
  });
}
