import type { Kysely } from 'kysely';
import type { ErrorInfo } from '../../shared/errors';
import type { NormalizedAlert } from '../../shared/alerts/normalized';
import type { ServerDatabase } from '../db/schema';

export const INBOX_STATUSES = ['received', 'parsed', 'rejected', 'processed', 'failed'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/** One verified delivery of a monitoring webhook, raw body and all. */
export interface InboxRow {
  id: string;
  integrationId: string;
  receivedAt: string;
  deliveryId: string | null;
  headers: Record<string, string>;
  body: Buffer;
  status: InboxStatus;
  error: ErrorInfo | null;
  normalized: NormalizedAlert[] | null;
  processedAt: string | null;
}

type Row = ServerDatabase['alert_inbox'];

function fromRow(row: Row): InboxRow {
  return {
    id: row.id,
    integrationId: row.integration_id,
    receivedAt: row.received_at,
    deliveryId: row.delivery_id,
    headers: JSON.parse(row.headers) as Record<string, string>,
    body: Buffer.from(row.body),
    status: row.status as InboxStatus,
    error: row.error ? (JSON.parse(row.error) as ErrorInfo) : null,
    normalized: row.normalized ? (JSON.parse(row.normalized) as NormalizedAlert[]) : null,
    processedAt: row.processed_at,
  };
}

export interface NewDelivery {
  id: string;
  integrationId: string;
  receivedAt: number;
  deliveryId: string | null;
  headers: Record<string, string>;
  body: Buffer;
  /** `received` to be parsed after the answer, or `rejected` when the receiver already refused the payload. */
  status: 'received' | 'rejected';
  error: ErrorInfo | null;
}

export async function insertDelivery(db: Kysely<ServerDatabase>, d: NewDelivery): Promise<void> {
  const at = new Date(d.receivedAt).toISOString();
  await db
    .insertInto('alert_inbox')
    .values({
      id: d.id,
      integration_id: d.integrationId,
      received_at: at,
      delivery_id: d.deliveryId,
      headers: JSON.stringify(d.headers),
      body: d.body,
      status: d.status,
      error: d.error ? JSON.stringify(d.error) : null,
      normalized: null,
      processed_at: d.status === 'rejected' ? at : null,
    })
    .execute();
}

/** The delivery already stored under this Standard Webhooks id, if any (a replay). */
export async function deliveryById(db: Kysely<ServerDatabase>, integrationId: string, deliveryId: string): Promise<string | null> {
  const row = await db
    .selectFrom('alert_inbox')
    .select('id')
    .where('integration_id', '=', integrationId)
    .where('delivery_id', '=', deliveryId)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function loadDelivery(db: Kysely<ServerDatabase>, id: string): Promise<InboxRow | null> {
  const row = await db.selectFrom('alert_inbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

/**
 * Moves a `received` delivery on (parsed with its alerts, or rejected/failed with the error). Only
 * one caller wins a row: false when another process or the sweep got there first.
 */
export async function settleDelivery(
  db: Kysely<ServerDatabase>,
  id: string,
  outcome: { status: 'parsed'; alerts: NormalizedAlert[] } | { status: 'rejected' | 'failed'; error: ErrorInfo },
  at: number,
): Promise<boolean> {
  const result = await db
    .updateTable('alert_inbox')
    .set({
      status: outcome.status,
      normalized: outcome.status === 'parsed' ? JSON.stringify(outcome.alerts) : null,
      error: outcome.status === 'parsed' ? null : JSON.stringify(outcome.error),
      processed_at: new Date(at).toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'received')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records what routing made of a `parsed` delivery: `processed`, or `failed` with the error (kept for
 * inspection). Only a `parsed` row moves, so a late second run cannot overwrite the first's outcome.
 */
export async function finishDelivery(
  db: Kysely<ServerDatabase>,
  id: string,
  outcome: { status: 'processed' } | { status: 'failed'; error: ErrorInfo },
  at: number,
): Promise<void> {
  await db
    .updateTable('alert_inbox')
    .set({
      status: outcome.status,
      error: outcome.status === 'failed' ? JSON.stringify(outcome.error) : null,
      processed_at: new Date(at).toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'parsed')
    .execute();
}

/** Ids of deliveries parsed before `before` whose routing never finished (the process died meanwhile). */
export async function staleParsed(db: Kysely<ServerDatabase>, before: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('alert_inbox')
    .select('id')
    .where('status', '=', 'parsed')
    .where('processed_at', '<', new Date(before).toISOString())
    .orderBy('processed_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Ids of deliveries still `received` since before `before` (the answer went out, the processing did not finish). */
export async function staleReceived(db: Kysely<ServerDatabase>, before: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('alert_inbox')
    .select('id')
    .where('status', '=', 'received')
    .where('received_at', '<', new Date(before).toISOString())
    .orderBy('received_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** The newest deliveries first, optionally of one status, without their bodies. */
export async function listDeliveries(
  db: Kysely<ServerDatabase>,
  filter: { status?: InboxStatus; limit: number },
): Promise<Omit<InboxRow, 'body'>[]> {
  let query = db
    .selectFrom('alert_inbox')
    .select(['id', 'integration_id', 'received_at', 'delivery_id', 'headers', 'status', 'error', 'normalized', 'processed_at'])
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.status) query = query.where('status', '=', filter.status);
  const rows = await query.execute();
  return rows.map((row) => {
    const { body: _, ...rest } = fromRow({ ...row, body: Buffer.alloc(0) });
    return rest;
  });
}
