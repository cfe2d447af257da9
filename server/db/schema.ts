import type { Generated } from 'kysely';
import type { TableName, TableRows } from '../../shared/mutations/define';

/** camelCase -> snake_case, as shared/schema/tables.ts names tables and columns. */
type Snake<S extends string> = S extends `${infer Head}${infer Rest}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${Snake<Rest>}`
  : S;

/**
 * A field's stored form (shared/schema/tableSpec.ts, toColumn): text stays text, integers numbers,
 * booleans the integers 0/1, JSON (objects, arrays) text; an absent value is NULL.
 */
type Stored<V> = V extends string
  ? string
  : V extends number
    ? number
    : V extends boolean
      ? number
      : V extends null | undefined
        ? null
        : string;

/**
 * A synced domain table as Kysely sees it, derived from its row type: the same snake_case names
 * the registry's columns have (a test in shared/schema/tables.test.ts holds them to it), so a new
 * table or field needs no line here.
 */
export type DomainTable<T extends TableName> = { [F in keyof TableRows[T] & string as Snake<F>]-?: Stored<TableRows[T][F]> };
export type DomainTables = { [T in TableName as Snake<T>]: DomainTable<T> };

/** The office server's tables, for Kysely's types. */
export interface ServerDatabase extends DomainTables {
  engineers: {
    id: string;
    name: string;
    email: string;
    role: string;
    active: number;
    created_at: string;
  };
  devices: {
    id: string;
    engineer_id: string;
    client_id: string;
    name: string;
    token_hash: string;
    created_at: string;
    last_seen_at: string | null;
    revoked_at: string | null;
  };
  pairing_codes: {
    code_hash: string;
    engineer_id: string;
    expires_at: string;
    used_at: string | null;
  };
  sync_clients: {
    client_id: string;
    device_id: string;
    last_mutation_id: number;
  };
  sync_state: {
    id: number;
    head_seq: number;
  };
  changes: {
    table_name: string;
    row_id: string;
    seq: number;
    row: string;
  };
  mutation_digests: {
    client_id: string;
    mutation_id: number;
    digest: string;
  };
  rejections: {
    client_id: string;
    mutation_id: number;
    name: string;
    error_code: string;
    error_message: string;
    /** Message key and params (JSON) of the refusal; NULL in rows from before server migration 0008. */
    error_key: string | null;
    error_params: string | null;
    at: string;
  };
  audit: {
    id: Generated<number>;
    at: string;
    hlc: string;
    actor_id: string;
    actor_name: string;
    device_id: string;
    client_id: string;
    mutation_id: number;
    mutation: string;
    entity: string;
    entity_id: string;
    before: string | null;
    after: string | null;
    prev_hash: string;
    hash: string;
  };
  job_leases: {
    name: string;
    holder: string;
    expires_at: number;
  };
  alert_routes: {
    id: string;
    integration_id: string;
    position: number;
    matchers: string;
    client_id: string;
    platform_id: string | null;
    priority_map: string;
    resolve_policy: string;
    created_at: number;
  };
  alert_states: {
    integration_id: string;
    fingerprint: string;
    incident_id: string | null;
    status: string;
    last_change_at: number;
    changes: string;
    flapping: number;
    group_key: string | null;
  };
  heartbeat_monitors: {
    id: string;
    integration_id: string;
    every_ms: number;
    grace_ms: number;
    created_at: number;
    last_seen_at: number | null;
    silent: number;
  };
  alert_settings: {
    key: string;
    value: string;
  };
  auth_events: {
    id: Generated<number>;
    at: string;
    kind: string;
    ip: string;
    detail: string;
  };
  /** Monitoring webhooks (migration 0016, server/alerts): server-only, never synced. */
  integrations: {
    id: string;
    kind: string;
    name: string;
    secret: string;
    previous_secret: string | null;
    /** ISO time until which `previous_secret` is still accepted. */
    previous_until: string | null;
    created_at: string;
    disabled: Generated<number>;
  };
  alert_inbox: {
    id: string;
    integration_id: string;
    received_at: string;
    delivery_id: string | null;
    /** JSON of the few headers that matter (content type, user agent, webhook id and timestamps). */
    headers: string;
    body: Buffer;
    status: string;
    /** JSON `{code, key, params, message}` of why it was rejected or failed. */
    error: string | null;
    /** JSON NormalizedAlert[] once parsed. */
    normalized: string | null;
    processed_at: string | null;
  };
}

export type Dialect = 'sqlite' | 'postgres';
