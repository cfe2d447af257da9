import type { z } from 'zod';
import { SyncedAudit } from '../domain/audit';
import { BudgetLine } from '../domain/budget';
import { ChangeRequest } from '../domain/changeRequest';
import { BudgetNotice } from '../domain/budgetNotice';
import { Client } from '../domain/client';
import { Contract } from '../domain/contract';
import { Engineer } from '../domain/engineer';
import { Incident } from '../domain/incident';
import { MonthClose } from '../domain/monthClose';
import { TimelineEntry } from '../domain/lifecycle';
import { Platform } from '../domain/platform';
import { Settings } from '../domain/settings';
import { TimeEntry } from '../domain/time';
import { syncedAuditProblem } from '../sync/auditTrail';
import { col, type ParentRef, recordToRow, rowToRecord, type SlaFeed, type SqlValue, type TableKind, type TableSpec } from './tableSpec';

export type { ColumnKind, ColumnSpec, SlaFeed, TableKind, TableSpec } from './tableSpec';

/**
 * THE registry of synced tables (docs/architecture.md, "Adding a synced table"). Every list the
 * sync code keeps per table — row schemas, checksums, apply order, parents, parking, repair, the
 * SLA cache's inputs, the mutation row types — is derived from these entries, so a new synced
 * table is one entry here plus its migrations, its mutations and the views that show it.
 *
 * Declaration order is the order tables are reported in (checksums, verify); the order rows are
 * applied in is derived from `parents` (APPLY_ORDER).
 */
function table<
  K extends TableKind,
  S extends z.ZodType,
  C extends boolean,
  P extends string = never,
  L extends string = never,
>(spec: TableSpec<K, S, P, C, L> & { lookups: readonly (keyof z.output<S>)[] }): TableSpec<K, S, P, C, L> {
  return spec;
}

const byClient = [{ table: 'clients', field: 'clientId' }] as const;
const stamped = col('fieldVersions', 'json');

export const TABLE_SPECS = {
  clients: table({
    kind: 'mutable',
    schema: Client,
    sqlTable: 'clients',
    entity: 'client',
    columns: [col('id'), col('name'), col('code'), col('createdAt'), col('createdBy'), stamped],
    lookups: ['id', 'code'],
    parents: [],
    checksummed: true,
  }),
  incidents: table({
    kind: 'mutable',
    schema: Incident,
    sqlTable: 'incidents',
    entity: 'incident',
    columns: [
      col('id'),
      col('clientId'),
      col('title'),
      col('description'),
      col('priority'),
      col('status'),
      col('openedAt'),
      col('createdAt'),
      col('createdBy'),
      col('updatedAt'),
      col('assigneeId'),
      col('category'),
      col('mergedInto'),
      stamped,
    ],
    lookups: ['id', 'clientId', 'assigneeId'],
    parents: byClient,
    checksummed: true,
    sla: { via: 'incident', field: 'id' },
  }),
  incidentEvents: table({
    kind: 'appendOnly',
    schema: TimelineEntry,
    sqlTable: 'incident_events',
    entity: 'incident_event',
    columns: [
      col('id'),
      col('incidentId'),
      col('at'),
      col('data', 'json'),
      col('actorId'),
      col('actorName'),
      col('createdAt'),
      col('hlc'),
      stamped,
    ],
    lookups: ['id', 'incidentId'],
    parents: [{ table: 'incidents', field: 'incidentId' }],
    checksummed: true,
    sla: { via: 'incident', field: 'incidentId' },
  }),
  contracts: table({
    kind: 'mutable',
    schema: Contract,
    sqlTable: 'contracts',
    entity: 'contract',
    columns: [col('id'), col('clientId'), col('effectiveFrom'), col('terms', 'json'), col('createdAt'), col('createdBy'), stamped],
    lookups: ['id', 'clientId'],
    parents: byClient,
    checksummed: true,
    // A contract sets the clocks of every incident of its client.
    sla: { via: 'client', field: 'clientId' },
  }),
  platforms: table({
    kind: 'mutable',
    schema: Platform,
    sqlTable: 'platforms',
    entity: 'platform',
    columns: [
      col('id'),
      col('clientId'),
      col('name'),
      col('url'),
      col('stack'),
      col('environments', 'json'),
      col('createdAt'),
      col('createdBy'),
      stamped,
    ],
    lookups: ['id', 'clientId'],
    parents: byClient,
    checksummed: true,
  }),
  engineers: table({
    kind: 'serverOwned',
    schema: Engineer,
    sqlTable: 'engineers',
    entity: 'engineer',
    columns: [col('id'), col('name'), col('email'), col('role'), col('active', 'boolean')],
    lookups: ['id'],
    parents: [],
    checksummed: true,
  }),
  settings: table({
    kind: 'mutable',
    schema: Settings,
    sqlTable: 'settings',
    entity: 'settings',
    columns: [col('id'), col('idleThresholdMinutes', 'integer'), col('idleDetection', 'boolean'), stamped],
    lookups: ['id'],
    parents: [],
    checksummed: true,
  }),
  timeEntries: table({
    kind: 'mutable',
    schema: TimeEntry,
    sqlTable: 'time_entries',
    entity: 'time_entry',
    columns: [
      col('id'),
      col('engineerId'),
      col('clientId'),
      col('incidentId'),
      col('startedAt'),
      col('endedAt'),
      col('runningFor'),
      col('note'),
      col('billable', 'boolean'),
      col('scope'),
      col('changeReason'),
      col('createdAt'),
      col('createdBy'),
      stamped,
    ],
    lookups: ['id', 'engineerId', 'clientId', 'incidentId', 'runningFor'],
    parents: [...byClient, { table: 'incidents', field: 'incidentId' }],
    checksummed: true,
  }),
  budgetLines: table({
    kind: 'appendOnly',
    schema: BudgetLine,
    sqlTable: 'budget_lines',
    entity: 'budget_line',
    columns: [
      col('id'),
      col('clientId'),
      col('kind'),
      col('minutes', 'integer'),
      col('day'),
      col('validThrough'),
      col('note'),
      col('createdAt'),
      col('createdBy'),
      stamped,
    ],
    lookups: ['id', 'clientId'],
    parents: byClient,
    checksummed: true,
  }),
  monthCloses: table({
    kind: 'mutable',
    schema: MonthClose,
    sqlTable: 'month_closes',
    entity: 'month_close',
    columns: [
      col('id'),
      col('clientId'),
      col('month'),
      col('timeZone'),
      col('closed', 'boolean'),
      col('reopenReason'),
      col('changedAt'),
      col('changedBy'),
      stamped,
    ],
    lookups: ['id', 'clientId'],
    parents: byClient,
    checksummed: true,
  }),
  changeRequests: table({
    kind: 'mutable',
    schema: ChangeRequest,
    sqlTable: 'change_requests',
    entity: 'change_request',
    columns: [
      col('id'),
      col('incidentId'),
      col('clientId'),
      col('status'),
      col('estimateMinutes', 'integer'),
      col('quoteCents', 'integer'),
      col('statusAt'),
      col('createdAt'),
      col('createdBy'),
      stamped,
    ],
    lookups: ['id', 'incidentId', 'clientId'],
    parents: [...byClient, { table: 'incidents', field: 'incidentId' }],
    checksummed: true,
  }),
  budgetNotices: table({
    kind: 'appendOnly',
    schema: BudgetNotice,
    sqlTable: 'budget_notices',
    entity: 'budget_notice',
    columns: [
      col('id'),
      col('clientId'),
      col('purchaseId'),
      col('thresholdPercent', 'integer'),
      col('remainingMinutes', 'integer'),
      col('notifiedAt'),
      col('createdBy'),
      stamped,
    ],
    lookups: ['id', 'clientId'],
    parents: byClient,
    checksummed: true,
  }),
  audit: table({
    kind: 'serverOwned',
    schema: SyncedAudit,
    // The laptop's own `audit` table is its local log; the server's entries are kept beside it.
    sqlTable: 'audit_synced',
    entity: 'audit',
    columns: [
      col('id', 'integer'),
      col('at'),
      col('hlc'),
      col('actorId'),
      col('actorName'),
      col('deviceId'),
      col('mutation'),
      col('entity'),
      col('entityId'),
      col('before', 'json'),
      col('after', 'json'),
      col('prevHash'),
      col('hash'),
    ],
    lookups: ['id'],
    parents: [],
    // A laptop's bootstrap leaves other laptops' history out, so its copy is legitimately a subset
    // of the server's; the trail is guarded by its hash chain instead (shared/auditChain.ts).
    checksummed: false,
    immutable: true,
    rowProblem: syncedAuditProblem,
  }),
} as const;

type Specs = typeof TABLE_SPECS;
/** Every synced table: what a pull may carry. */
export type SyncedTable = keyof Specs;
/** The tables mutations write (all but the server-owned ones). */
export type TableName = { [T in SyncedTable]: Specs[T]['kind'] extends 'serverOwned' ? never : T }[SyncedTable];
/** The tables compared by checksum and repaired (all but the partial audit trail). */
export type ChecksumTable = { [T in SyncedTable]: Specs[T]['checksummed'] extends false ? never : T }[SyncedTable];
/** The fields a mutation may read a table's rows by (ReadSpec in shared/mutations/define.ts). */
export type LookupField<T extends SyncedTable> = Specs[T]['lookups'][number];
/** A row of a synced table, as its schema describes it. */
export type RowOf<T extends SyncedTable> = z.output<Specs[T]['schema']>;

export const SYNCED_TABLES = Object.keys(TABLE_SPECS) as SyncedTable[];
export const TABLE_NAMES = SYNCED_TABLES.filter((t) => TABLE_SPECS[t].kind !== 'serverOwned') as TableName[];
export const CHECKSUM_TABLES = SYNCED_TABLES.filter((t) => TABLE_SPECS[t].checksummed) as ChecksumTable[];

export function specOf(table: SyncedTable): TableSpec {
  return TABLE_SPECS[table] as TableSpec;
}

export function isSyncedTable(name: string): name is SyncedTable {
  return Object.hasOwn(TABLE_SPECS, name);
}

export function kindOf(name: string): TableKind | undefined {
  return isSyncedTable(name) ? TABLE_SPECS[name].kind : undefined;
}

/** How a table's rows move the SLA cache, if they do. */
export function slaFeedOf(name: string): SlaFeed | undefined {
  return isSyncedTable(name) ? specOf(name).sla : undefined;
}

export function parentsOf(table: SyncedTable): readonly ParentRef<SyncedTable>[] {
  return TABLE_SPECS[table].parents as readonly ParentRef<SyncedTable>[];
}

/**
 * Parents before the rows that refer to them: each table's depth is one more than its deepest
 * parent's, ties keep declaration order. Removals go the other way. Throws on a cycle.
 */
export function applyOrder(specs: Readonly<Record<string, Pick<TableSpec, 'parents'>>>): string[] {
  const depth = new Map<string, number>();
  const visit = (name: string, path: readonly string[]): number => {
    if (path.includes(name)) throw new Error(`synced tables refer to each other in a cycle: ${[...path, name].join(' -> ')}`);
    const spec = specs[name];
    if (!spec) throw new Error(`${path.at(-1) ?? '?'} names an unknown parent table ${name}`);
    let d = depth.get(name);
    if (d === undefined) {
      d = Math.max(-1, ...spec.parents.map((p) => visit(p.table, [...path, name]))) + 1;
      depth.set(name, d);
    }
    return d;
  };
  const names = Object.keys(specs);
  for (const name of names) visit(name, []);
  return names
    .map((name, i) => ({ name, i, d: depth.get(name)! }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.name);
}

export const APPLY_ORDER = applyOrder(TABLE_SPECS) as SyncedTable[];
const RANK = new Map<string, number>(APPLY_ORDER.map((t, i) => [t, i]));
/** Position of a table in APPLY_ORDER, for sorting rows parents-first. */
export function applyRank(table: SyncedTable): number {
  return RANK.get(table)!;
}

/** The tables some other table refers to: the ones a parked row may wait for. */
export const PARENT_TABLES = [...new Set(SYNCED_TABLES.flatMap((t) => parentsOf(t).map((p) => p.table)))];

/** Domain row -> column record ready for binding. */
export function toRecord<T extends SyncedTable>(table: T, row: RowOf<T>): Record<string, SqlValue> {
  return rowToRecord(TABLE_SPECS[table], row as object);
}

/** Column record (as read from any dialect) -> domain row. */
export function fromRecord<T extends SyncedTable>(table: T, record: Record<string, unknown>): RowOf<T> {
  return recordToRow(TABLE_SPECS[table], record) as RowOf<T>;
}
