import { type Insertable, type Kysely, sql } from 'kysely';
import { type AuditContent, auditHash, GENESIS_HASH } from '../../shared/auditChain';
import type { ServerDatabase } from '../db/schema';

// Rows per multi-row INSERT: under SQLite's 32,766 bound parameters with 15 audit columns.
const CHUNK = 500;

interface Mark {
  seq: number;
  lastHash: string;
  auditId: number;
  audits: number;
  changes: number;
}

/**
 * The write side of one serialized transaction: hands out seqs, extends the audit chain and records
 * changes. Writers hold the sync lock (an advisory lock on PostgreSQL; SQLite serializes writers by
 * itself), so seqs and audit ids are allocated in memory and committed in the order they were
 * handed out — which is what lets a puller trust "nothing below my cursor can still appear".
 * Change-log and audit rows are buffered and written as multi-row inserts at `close()`: a push of
 * 1,000 mutations is then a handful of statements for them instead of thousands of round trips.
 */
export class Ledger {
  private readonly audits: Insertable<ServerDatabase['audit']>[] = [];
  private readonly changes: { table: string; rowId: string; seq: number; row: string }[] = [];

  private constructor(
    private readonly trx: Kysely<ServerDatabase>,
    private seq: number,
    private lastHash: string,
    private auditId: number,
    private readonly startSeq: number,
  ) {}

  static async open(trx: Kysely<ServerDatabase>, dialect: 'sqlite' | 'postgres'): Promise<Ledger> {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7355608)`.execute(trx);
    const state = await trx.selectFrom('sync_state').select('head_seq').where('id', '=', 1).executeTakeFirstOrThrow();
    const last = await trx.selectFrom('audit').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const head = Number(state.head_seq);
    return new Ledger(trx, head, last?.hash ?? GENESIS_HASH, Number(last?.id ?? 0), head);
  }

  get headSeq(): number {
    return this.seq;
  }

  /** The in-memory state to restore when the mutation that followed is rolled back. */
  mark(): Mark {
    return { seq: this.seq, lastHash: this.lastHash, auditId: this.auditId, audits: this.audits.length, changes: this.changes.length };
  }

  restore(mark: Mark): void {
    this.seq = mark.seq;
    this.lastHash = mark.lastHash;
    this.auditId = mark.auditId;
    this.audits.length = mark.audits;
    this.changes.length = mark.changes;
  }

  /**
   * Records the latest state of a row; an older change entry of the same row is replaced. A deleted
   * row is recorded as a tombstone, `row` null (stored as the JSON text `null`).
   */
  recordChange(table: string, rowId: string, row: Record<string, unknown> | null): void {
    this.seq += 1;
    this.changes.push({ table, rowId, seq: this.seq, row: JSON.stringify(row) });
  }

  appendAudit(content: AuditContent, origin: { clientId: string; mutationId: number }): void {
    const prevHash = this.lastHash;
    const hash = auditHash(prevHash, content);
    this.auditId += 1;
    this.audits.push({
      id: this.auditId,
      at: content.at,
      hlc: content.hlc,
      actor_id: content.actorId,
      actor_name: content.actorName,
      device_id: content.deviceId,
      client_id: origin.clientId,
      mutation_id: origin.mutationId,
      mutation: content.mutation,
      entity: content.entity,
      entity_id: content.entityId,
      before: content.before ? JSON.stringify(content.before) : null,
      after: content.after ? JSON.stringify(content.after) : null,
      prev_hash: prevHash,
      hash,
    });
    this.lastHash = hash;
    this.recordChange('audit', String(this.auditId), { id: this.auditId, ...content, hash, prevHash });
  }

  /** Writes the buffered rows and the head seq; call last, inside the same transaction. */
  async close(): Promise<void> {
    for (let i = 0; i < this.audits.length; i += CHUNK) {
      await this.trx
        .insertInto('audit')
        .values(this.audits.slice(i, i + CHUNK))
        .execute();
    }
    // Within one batch only a row's newest state matters (and one statement may touch a row once).
    const latest = new Map<string, (typeof this.changes)[number]>();
    for (const c of this.changes) latest.set(`${c.table}\u0000${c.rowId}`, c);
    const rows = [...latest.values()].map((c) => ({ table_name: c.table, row_id: c.rowId, seq: c.seq, row: c.row }));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.trx
        .insertInto('changes')
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['table_name', 'row_id']).doUpdateSet((eb) => ({ seq: eb.ref('excluded.seq'), row: eb.ref('excluded.row') })),
        )
        .execute();
    }
    if (this.seq !== this.startSeq) await this.trx.updateTable('sync_state').set({ head_seq: this.seq }).where('id', '=', 1).execute();
  }
}
