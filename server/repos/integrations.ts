import type { Kysely } from 'kysely';
import type { AlertSource } from '../../shared/alerts/normalized';
import type { ServerDatabase } from '../db/schema';

/** A monitoring webhook receiver (server/alerts): its kind, its secret, and the one it replaced during a grace period. */
export interface Integration {
  id: string;
  kind: AlertSource;
  name: string;
  secret: string;
  previousSecret: string | null;
  /** Epoch ms until which `previousSecret` is still accepted. */
  previousUntil: number | null;
  createdAt: string;
  disabled: boolean;
}

type Row = ServerDatabase['integrations'];

function fromRow(row: Omit<Row, 'disabled'> & { disabled: number }): Integration {
  return {
    id: row.id,
    kind: row.kind as AlertSource,
    name: row.name,
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousUntil: row.previous_until ? Date.parse(row.previous_until) : null,
    createdAt: row.created_at,
    disabled: Number(row.disabled) === 1,
  };
}

export async function insertIntegration(
  db: Kysely<ServerDatabase>,
  integration: Omit<Integration, 'previousSecret' | 'previousUntil' | 'disabled'>,
): Promise<void> {
  await db
    .insertInto('integrations')
    .values({
      id: integration.id,
      kind: integration.kind,
      name: integration.name,
      secret: integration.secret,
      created_at: integration.createdAt,
    })
    .execute();
}

export async function findIntegration(db: Kysely<ServerDatabase>, id: string): Promise<Integration | null> {
  const row = await db.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function listIntegrations(db: Kysely<ServerDatabase>): Promise<Integration[]> {
  const rows = await db.selectFrom('integrations').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(fromRow);
}

/** The new secret becomes current; the old one is accepted until `previousUntil`. False when no such integration. */
export async function replaceSecret(
  db: Kysely<ServerDatabase>,
  id: string,
  secrets: { secret: string; previousSecret: string; previousUntil: number },
): Promise<boolean> {
  const result = await db
    .updateTable('integrations')
    .set({ secret: secrets.secret, previous_secret: secrets.previousSecret, previous_until: new Date(secrets.previousUntil).toISOString() })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
