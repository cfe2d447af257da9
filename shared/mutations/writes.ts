import { TABLE_SPECS } from '../schema/tables';
import { type Write, writeId } from './define';

/**
 * Checks a mutation's writes before a host applies any: a delete of an append-only row (a timeline
 * entry, which others' rows and the audit trail refer to for good) is a defect of the mutation, so
 * it fails the mutation whole (a refusal on the server) and nothing is written. Server-owned tables
 * (engineers) are not mutation tables at all, so no write can name them.
 */
export function checkWrites(name: string, writes: readonly Write[]): void {
  for (const write of writes) {
    if (write.op === 'delete' && TABLE_SPECS[write.table].appendOnly) {
      throw new Error(`${name} may not delete ${write.table} row ${writeId(write)}: the table is append-only`);
    }
  }
}
