import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../shared/domain/common';
import { VangnetError } from '../../shared/errors';
import { ENGINEER_ROLES, type Engineer, EngineerRole, type PairRequest, type PairResponse } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/connect';
import { Ledger } from '../sync/ledger';
import { hashSecret, hashToken, newPairingCode, newToken } from './tokens';

export const PAIRING_CODE_TTL_MS = 7 * 24 * 3600 * 1000;

/** Who is calling, established from the bearer token on every request. */
export interface DeviceAuth {
  deviceId: string;
  clientId: string;
  /** The engineer the device belongs to, with the role their row holds now (so a new role counts at once). */
  engineer: Actor;
}

function engineerView(row: { id: string; name: string; email: string; role: string; active: number }): Engineer {
  return { id: row.id, name: row.name, email: row.email, role: row.role as Engineer['role'], active: Number(row.active) === 1 };
}

/** Engineers are synced to every device (so incidents can be assigned offline): each change is logged. */
async function publishEngineer(ledger: Ledger, engineer: Engineer): Promise<void> {
  ledger.recordChange('engineers', engineer.id, engineer);
}

export async function addEngineer(
  store: ServerDb,
  input: { name: string; email: string; role: Engineer['role'] },
  now = Date.now(),
): Promise<{ engineer: Engineer; pairingCode: string; expiresAt: string }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new VangnetError('invalid_args', 'server.notEmail', { email: input.email });
  if (!input.name.trim()) throw new VangnetError('invalid_args', 'server.emptyName');
  return store.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('engineers').select('id').where('email', '=', email).executeTakeFirst();
    if (existing) throw new VangnetError('conflict', 'server.engineerExists', { email });
    const row = { id: uuidv7(), name: input.name.trim(), email, role: input.role, active: 1, created_at: new Date(now).toISOString() };
    await trx.insertInto('engineers').values(row).execute();
    const ledger = await Ledger.open(trx, store.dialect);
    await publishEngineer(ledger, engineerView(row));
    await ledger.close();
    const pairing = await issuePairingCode(trx, row.id, now);
    return { engineer: engineerView(row), ...pairing };
  });
}

/**
 * Gives an engineer (by id or e-mail) another role. The engineers row is published like any
 * change, so laptops learn it at their next pull; the server reads the role from the row on every
 * request, so it counts from the engineer's next push without pairing again. Each change is
 * written to `auth_events` (kind `role_changed`): who, from what, to what.
 */
export async function setRole(
  store: ServerDb,
  who: string,
  role: Engineer['role'],
  now = Date.now(),
): Promise<{ engineer: Engineer; previousRole: Engineer['role'] }> {
  const parsed = EngineerRole.safeParse(role);
  if (!parsed.success) throw new VangnetError('invalid_args', 'server.notRole', { role, roles: ENGINEER_ROLES.join(', ') });
  return store.db.transaction().execute(async (trx) => {
    const key = who.trim();
    const row = await trx
      .selectFrom('engineers')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', key), eb('email', '=', key.toLowerCase())]))
      .executeTakeFirst();
    if (!row) throw new VangnetError('not_found', 'server.noEngineerIdOrEmail', { who });
    const previousRole = row.role as Engineer['role'];
    const engineer = engineerView({ ...row, role: parsed.data });
    if (previousRole === parsed.data) return { engineer, previousRole };
    await trx.updateTable('engineers').set({ role: parsed.data }).where('id', '=', row.id).execute();
    const ledger = await Ledger.open(trx, store.dialect);
    await publishEngineer(ledger, engineer);
    await ledger.close();
    await trx
      .insertInto('auth_events')
      .values({
        at: new Date(now).toISOString(),
        kind: 'role_changed',
        ip: 'admin-cli',
        detail: JSON.stringify({ engineerId: row.id, email: row.email, from: previousRole, to: parsed.data }),
      })
      .execute();
    return { engineer, previousRole };
  });
}

export async function issuePairingCode(db: ServerDb['db'], engineerId: string, now = Date.now()) {
  const pairingCode = newPairingCode();
  const expiresAt = new Date(now + PAIRING_CODE_TTL_MS).toISOString();
  await db
    .insertInto('pairing_codes')
    .values({ code_hash: hashSecret(pairingCode), engineer_id: engineerId, expires_at: expiresAt, used_at: null })
    .execute();
  return { pairingCode, expiresAt };
}

/** Exchanges a one-time pairing code for a device token. The same failure message for every wrong code. */
export async function pairDevice(store: ServerDb, request: PairRequest, now = Date.now()): Promise<PairResponse> {
  return store.db.transaction().execute(async (trx) => {
    const code = await trx.selectFrom('pairing_codes').selectAll().where('code_hash', '=', hashSecret(request.code)).executeTakeFirst();
    if (!code || code.used_at || Date.parse(code.expires_at) < now) {
      throw new VangnetError('unauthorized', 'server.badPairingCode');
    }
    const engineer = await trx.selectFrom('engineers').selectAll().where('id', '=', code.engineer_id).executeTakeFirstOrThrow();
    if (Number(engineer.active) !== 1) throw new VangnetError('unauthorized', 'server.badPairingCode');
    const owner = await trx
      .selectFrom('sync_clients')
      .innerJoin('devices', 'devices.id', 'sync_clients.device_id')
      .select(['devices.engineer_id'])
      .where('sync_clients.client_id', '=', request.clientId)
      .executeTakeFirst();
    if (owner && owner.engineer_id !== engineer.id) {
      throw new VangnetError('forbidden', 'server.otherEngineer');
    }
    const token = newToken();
    const deviceId = uuidv7();
    const at = new Date(now).toISOString();
    await trx.updateTable('pairing_codes').set({ used_at: at }).where('code_hash', '=', code.code_hash).execute();
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        engineer_id: engineer.id,
        client_id: request.clientId,
        name: request.deviceName,
        token_hash: hashToken(token),
        created_at: at,
        last_seen_at: at,
        revoked_at: null,
      })
      .execute();
    if (owner) await trx.updateTable('sync_clients').set({ device_id: deviceId }).where('client_id', '=', request.clientId).execute();
    else await trx.insertInto('sync_clients').values({ client_id: request.clientId, device_id: deviceId, last_mutation_id: 0 }).execute();
    return { token, deviceId, engineer: engineerView(engineer) };
  });
}

/** Resolves a bearer token to its device and engineer, or null for an unknown or revoked one. */
export async function authenticate(store: ServerDb, token: string): Promise<DeviceAuth | null> {
  const row = await store.db
    .selectFrom('devices')
    .innerJoin('engineers', 'engineers.id', 'devices.engineer_id')
    .select([
      'devices.id as deviceId',
      'devices.client_id as clientId',
      'devices.revoked_at',
      'engineers.id as engineerId',
      'engineers.name',
      'engineers.role',
      'engineers.active',
    ])
    .where('devices.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || Number(row.active) !== 1) return null;
  return {
    deviceId: row.deviceId,
    clientId: row.clientId,
    engineer: { id: row.engineerId, name: row.name, kind: 'engineer', role: row.role as Engineer['role'] },
  };
}

/** Of the given devices, those whose token still works (not revoked, engineer active). */
export async function activeDeviceIds(store: ServerDb, deviceIds: readonly string[]): Promise<Set<string>> {
  if (deviceIds.length === 0) return new Set();
  const rows = await store.db
    .selectFrom('devices')
    .innerJoin('engineers', 'engineers.id', 'devices.engineer_id')
    .select('devices.id')
    .where('devices.id', 'in', deviceIds)
    .where('devices.revoked_at', 'is', null)
    .where('engineers.active', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Records that a device proved itself alive (a request or an open realtime socket). */
export async function markDeviceSeen(store: ServerDb, deviceId: string, now: number): Promise<void> {
  await store.db
    .updateTable('devices')
    .set({ last_seen_at: new Date(now).toISOString() })
    .where('id', '=', deviceId)
    .execute();
}

export async function revokeDevice(store: ServerDb, deviceId: string, now = Date.now()): Promise<void> {
  const result = await store.db
    .updateTable('devices')
    .set({ revoked_at: new Date(now).toISOString() })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new VangnetError('not_found', 'server.noDevice', { id: deviceId });
}

export async function listEngineers(store: ServerDb) {
  const engineers = await store.db.selectFrom('engineers').selectAll().orderBy('name').execute();
  const devices = await store.db
    .selectFrom('devices')
    .select(['id', 'engineer_id', 'name', 'created_at', 'last_seen_at', 'revoked_at'])
    .orderBy('created_at')
    .execute();
  return engineers.map((e) => ({
    ...engineerView(e),
    devices: devices
      .filter((d) => d.engineer_id === e.id)
      .map((d) => ({ id: d.id, name: d.name, createdAt: d.created_at, lastSeenAt: d.last_seen_at, revokedAt: d.revoked_at })),
  }));
}
