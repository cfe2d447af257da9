import { v7 as uuidv7 } from 'uuid';
import type { EventName, EventPayload, Handlers, Profile } from '../../shared/contract';
import { suggestClientCode } from '../../shared/domain/client';
import { VangnetError } from '../../shared/errors';
import { HybridLogicalClock } from '../../shared/hlc';
import { auditForEntity } from '../repos/audit';
import { listClients } from '../repos/clients';
import { getRowBy } from '../repos/rows';
import { getIncidentDetail, queryIncidents } from '../repos/incidents';
import { getMeta, setMeta } from '../repos/meta';
import { type Db, openDatabase, schemaVersion } from '../store/database';
import { storeFile } from '../store/paths';
import { type MutationOutcome, runMutation } from './mutator';

export interface EngineOptions {
  dataDir: string;
  /** Injected clock and id source, so tests and replays are deterministic. */
  now?: () => number;
  newId?: () => string;
  version?: string;
}

type Listener = (name: EventName, payload: unknown) => void;

export interface Engine {
  readonly db: Db;
  readonly dataDir: string;
  readonly handlers: Handlers;
  profile(): Profile | null;
  /** Creates the local profile if there is none yet (the CLI's first run). */
  ensureProfile(name: string): Profile;
  mutate(name: string, args: unknown): MutationOutcome;
  subscribe(listener: Listener): () => void;
  close(): void;
}

const TABLE_FOR_ENTITY: Record<string, string> = { clients: 'clients', incidents: 'incidents' };

export function openEngine(options: EngineOptions): Engine {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => uuidv7());
  const db = openDatabase(storeFile(options.dataDir));
  const deviceId = ensureMeta(db, 'device_id', newId);
  const clock = new HybridLogicalClock(deviceId, now, getMeta(db, 'hlc'));
  const listeners = new Set<Listener>();

  function emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of listeners) listener(name, payload);
  }

  function profile(): Profile | null {
    const raw = getMeta(db, 'profile');
    if (!raw) return null;
    const stored = JSON.parse(raw) as { engineerId: string; name: string };
    return { ...stored, deviceId };
  }

  function requireProfile(): Profile {
    const p = profile();
    if (!p) throw new VangnetError('not_ready', 'Set up your profile (your name) before making changes');
    return p;
  }

  function setProfile(name: string): Profile {
    const current = profile();
    const stored = { engineerId: current?.engineerId ?? newId(), name };
    setMeta(db, 'profile', JSON.stringify(stored));
    return { ...stored, deviceId };
  }

  function mutate(name: string, args: unknown): MutationOutcome {
    const p = requireProfile();
    const outcome = runMutation({ db, clock, deviceId, actor: { id: p.engineerId, name: p.name } }, name, args);
    const tables = [...new Set(outcome.writes.map((w) => TABLE_FOR_ENTITY[w.table] ?? w.table))];
    if (tables.length > 0) emit('data.changed', { tables });
    return outcome;
  }

  function freeClientCode(name: string): string {
    const base = suggestClientCode(name);
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? base : `${base.slice(0, 12)}${n}`;
      if (!getRowBy(db, 'clients', 'code', candidate)) return candidate;
    }
  }

  function incidentDetail(id: string) {
    const detail = getIncidentDetail(db, id);
    if (!detail) throw new VangnetError('not_found', `Unknown incident ${id}`);
    return detail;
  }

  const handlers: Handlers = {
    app: {
      info: () => ({ version: options.version ?? '0.0.0', dataDir: options.dataDir, schemaVersion: schemaVersion(db), deviceId }),
    },
    profile: {
      get: () => profile(),
      set: ({ name }) => setProfile(name),
    },
    clients: {
      list: ({ search }) => listClients(db, search),
      create: ({ name, code }) => {
        const id = newId();
        mutate('client.create', { id, name, code: code ?? freeClientCode(name) });
        const created = getRowBy(db, 'clients', 'id', id);
        if (!created) throw new VangnetError('internal', 'client.create wrote no row');
        return created;
      },
    },
    incidents: {
      list: (query) => queryIncidents(db, query),
      get: ({ id }) => incidentDetail(id),
      create: (input) => {
        const id = newId();
        mutate('incident.create', { id, ...input });
        return incidentDetail(id);
      },
      update: (input) => {
        mutate('incident.update', input);
        return incidentDetail(input.id);
      },
    },
    audit: {
      forEntity: ({ entityId, limit }) => auditForEntity(db, entityId, limit),
    },
  };

  return {
    db,
    dataDir: options.dataDir,
    handlers,
    profile,
    ensureProfile: (name) => profile() ?? setProfile(name),
    mutate,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      db.close();
    },
  };
}

function ensureMeta(db: Db, key: string, make: () => string): string {
  const existing = getMeta(db, key);
  if (existing) return existing;
  const value = make();
  setMeta(db, key, value);
  return value;
}
