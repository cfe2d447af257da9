import type { Generated } from 'kysely';

/** The office server's tables, for Kysely's types. Domain tables mirror shared/schema/tables.ts. */
export interface ServerDatabase {
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
  auth_events: {
    id: Generated<number>;
    at: string;
    kind: string;
    ip: string;
    detail: string;
  };
  clients: {
    id: string;
    name: string;
    code: string;
    created_at: string;
    created_by: string;
    field_versions: string;
  };
  incidents: {
    id: string;
    client_id: string;
    title: string;
    description: string;
    priority: string;
    status: string;
    opened_at: string;
    created_at: string;
    created_by: string;
    updated_at: string;
    field_versions: string;
  };
}

export type Dialect = 'sqlite' | 'postgres';
