import type { Handlers, Profile } from '../../shared/contract';
import { suggestClientCode } from '../../shared/domain/client';
import { SETTINGS_ID, settingsView } from '../../shared/domain/settings';
import type { StoreStatus } from '../../shared/storeHealth';
import { VangnetError } from '../../shared/errors';
import { auditForEntity } from '../repos/audit';
import { listClients } from '../repos/clients';
import { getRowBy } from '../repos/rows';
import { dismissRejected, listEngineers } from '../repos/sync';
import { type Db, schemaVersion } from '../store/database';
import type { SlaService } from '../sla/slaService';
import type { AuditHistory } from '../sync/auditHistory';
import type { SyncClient } from '../sync/syncClient';
import { createContractHandlers } from './contractHandlers';
import { createIncidentHandlers } from './incidentHandlers';
import { createTimeHandlers } from './timeHandlers';
import { createBudgetHandlers } from './budgetHandlers';
import { createStatementHandlers } from './statementHandlers';
import { createMonthHandlers } from './monthHandlers';
import { createChangeRequestHandlers } from './changeRequestHandlers';
import { createBundlingHandlers } from './bundlingHandlers';
import { createReportHandlers } from './reportHandlers';
import type { TimerWatch } from '../time/timerWatch';
import type { IdleWatch } from '../time/idleWatch';
import type { MutationArgs, MutationName } from '../../shared/mutations/index';
import type { MutationOutcome } from './mutator';

export interface HandlerDeps {
  db: Db;
  deviceId: string;
  version: string;
  dataDir: string;
  defaultDeviceName: string;
  newId(): string;
  mutate<N extends MutationName>(name: N, args: MutationArgs<N>): MutationOutcome;
  profile(): Profile | null;
  setProfileName(name: string): Profile;
  sync: SyncClient;
  auditHistory: AuditHistory;
  sla: SlaService;
  now(): number;
  storeStatus(): StoreStatus;
  /** The running timer's heartbeat and the stale-timer question (core/time/timerWatch.ts). */
  timers: TimerWatch;
  /** Idle detection and the idle question (core/time/idleWatch.ts). */
  idle: IdleWatch;
}

/** The engine's implementation of every contract call; arguments arrive validated by dispatch. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, mutate, newId, sync } = deps;

  function freeClientCode(name: string): string {
    const base = suggestClientCode(name);
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? base : `${base.slice(0, 12)}${n}`;
      if (!getRowBy(db, 'clients', 'code', candidate)) return candidate;
    }
  }

  return {
    app: {
      info: () => ({ version: deps.version, dataDir: deps.dataDir, schemaVersion: schemaVersion(db), deviceId: deps.deviceId }),
    },
    profile: {
      get: () => deps.profile(),
      set: ({ name }) => deps.setProfileName(name),
    },
    clients: {
      list: ({ search }) => listClients(db, search),
      create: ({ name, code }) => {
        const id = newId();
        mutate('client.create', { id, name, code: code ?? freeClientCode(name) });
        const created = getRowBy(db, 'clients', 'id', id);
        if (!created) throw new VangnetError('internal', 'call.wroteNoRow', { call: 'client.create' });
        return created;
      },
    },
    incidents: createIncidentHandlers(deps),
    bundling: createBundlingHandlers(deps),
    ...createContractHandlers(deps),
    engineers: {
      list: () => listEngineers(db),
    },
    settings: {
      get: () => settingsView(getRowBy(db, 'settings', 'id', SETTINGS_ID)),
      set: (args) => {
        mutate('settings.set', args);
        return settingsView(getRowBy(db, 'settings', 'id', SETTINGS_ID));
      },
    },
    sync: {
      status: () => sync.status(),
      login: ({ serverUrl, code, deviceName }) => sync.login(serverUrl, code, deviceName ?? deps.defaultDeviceName),
      now: () => sync.syncNow(),
      dismiss: ({ mutationId }) => {
        const removed = dismissRejected(db, mutationId);
        if (removed) sync.announce();
        return removed;
      },
      verify: () => sync.verify(),
      repair: ({ tables }) => sync.repair(tables),
    },
    audit: {
      forEntity: ({ entityId, limit }) => auditForEntity(db, entityId, limit),
      fetchHistory: ({ entityId }) => deps.auditHistory.fetchHistory(entityId),
    },
    time: createTimeHandlers(deps),
    timer: {
      idleQuestion: () => deps.idle.question(),
      answerIdle: (input) => deps.idle.answer(input),
    },
    budget: createBudgetHandlers(deps),
    statement: createStatementHandlers(deps),
    month: createMonthHandlers(deps),
    changeRequests: createChangeRequestHandlers(deps),
    reports: createReportHandlers(deps),
    store: {
      status: () => deps.storeStatus(),
      restore: () => {
        // Restoring swaps the file under the engine, so the host that owns the engine serves it (core/host/engineHost.ts).
        throw new VangnetError('unavailable', 'store.restoreInApp');
      },
    },
  };
}
