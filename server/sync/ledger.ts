import { type Kysely, sql } from 'kysely';
import { type AuditContent, auditHash, GENESIS_HASH } from '../../shared/auditChain';
import type { ServerDatabase } from '../db/schema';

/**
 * The write side of one serialized transaction: hands out seqs, extends the audit chain and records
 * changes. Writers hold the sync lock (an advisory lock on PostgreSQL; SQLite serializes writers by
 * itself), so seqs are allocated in memory and committed in the same order they were handed out —
 * which is what lets a puller trust "nothing below my cursor can still appear".
 */
export class Ledger {
  private constructor(
    private readonly trx: Kysely<ServerDatabase>,
    private seq: number,
    private lastHash: string,
    private readonly startSeq: number,
  ) {}

  static async open(trx: Kysely<ServerDatabase>, dialect: 'sqlite' | 'postgres'): Promise<Ledger> {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7355608)`.execute(trx);
    const state = await trx.selectFrom('sync_state').select('head_seq').where('id', '=', 1).executeTakeFirstOrThrow();
    const last = await trx.selectFrom('audit').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const head = Number(state.head_seq);
    return new Ledger(trx, head, last?.hash ?? GENESIS_HASH, head);
  }

  get headSeq(): number {
    return this.seq;
  }

  /** The in-memory state to restore when a savepoint is rolled back. */
  mark(): { seq: number; lastHash: string } {
    return { seq: this.seq, lastHash: this.lastHash };
  }

  restore(mark: { seq: number; lastHash: string }): void {
    this.seq = mark.seq;
    this.lastHash = mark.lastHash;
  }

  /** Records the latest state of a row; its older change entry, if any, is replaced. */
  async recordChange(table: string, rowId: string, row: Record<string, unknown>): Promise<void> {
    this.seq += 1;
    await this.trx
      .insertInto('changes')
      .values({ table_name: table, row_id: rowId, seq: this.seq, row: JSON.stringify(row) })
      .onConflict((oc) => oc.columns(['table_name', 'row_id']).doUpdateSet({ seq: this.seq, row: JSON.stringify(row) }))
      .execute();
  }

  async appendAudit(content: AuditContent, origin: { clientId: string; mutationId: number }): Promise<void> {
    const prevHash = this.lastHash;
    const hash = auditHash(prevHash, content);
    const inserted = await this.trx
      .insertInto('audit')
      .values({
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
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.lastHash = hash;
    await this.recordChange('audit', String(inserted.id), { id: Number(inserted.id), ...content, hash, prevHash });
  }

  /** Persists the head seq; call last, inside the same transaction. */
  async close(): Promise<void> {
    if (this.seq !== this.startSeq) await this.trx.updateTable('sync_state').set({ head_seq: this.seq }).where('id', '=', 1).execute();
  }
}
