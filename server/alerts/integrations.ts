import { v7 as uuidv7 } from 'uuid';
import type { AlertSource } from '../../shared/alerts/normalized';
import { VangnetError } from '../../shared/errors';
import type { ServerDb } from '../db/connect';
import { findIntegration, insertIntegration, type Integration, listIntegrations, replaceSecret } from '../repos/integrations';
import { newSecret } from './verify';

/** How long an old secret is still accepted after a rotation, unless told (`--grace-hours`). */
export const DEFAULT_GRACE_HOURS = 24;
export const MAX_GRACE_HOURS = 24 * 30;

/** Where a monitoring system sends an integration's deliveries; Uptime Kuma's URL carries the secret. */
export function hookUrl(publicUrl: string, integration: Pick<Integration, 'id' | 'kind' | 'secret'>): string {
  const base = `${publicUrl.replace(/\/+$/, '')}/hooks/${integration.id}`;
  return integration.kind === 'uptime-kuma' ? `${base}/${integration.secret}` : base;
}

export async function addIntegration(store: ServerDb, input: { kind: AlertSource; name?: string }, now: number): Promise<Integration> {
  const integration = {
    id: uuidv7(),
    kind: input.kind,
    name: input.name?.trim() || input.kind,
    secret: newSecret(input.kind),
    createdAt: new Date(now).toISOString(),
  };
  await insertIntegration(store.db, integration);
  return { ...integration, previousSecret: null, previousUntil: null, disabled: false };
}

/** A new secret; the old one keeps working for `graceHours` so the monitoring system can be updated meanwhile. */
export async function rotateSecret(store: ServerDb, id: string, graceHours: number, now: number): Promise<Integration> {
  if (!Number.isFinite(graceHours) || graceHours < 0 || graceHours > MAX_GRACE_HOURS)
    throw new VangnetError('invalid_args', 'alerts.graceHours', { max: MAX_GRACE_HOURS, value: String(graceHours) });
  const current = await findIntegration(store.db, id);
  if (!current) throw new VangnetError('not_found', 'alerts.noIntegration', { id });
  const rotated = { secret: newSecret(current.kind), previousSecret: current.secret, previousUntil: now + graceHours * 3_600_000 };
  await replaceSecret(store.db, id, rotated);
  return { ...current, ...rotated };
}

export { listIntegrations };
